// Writes the benchmark bundle: a busybox rootfs (engine/image's built-in image recipe) and one
// config.json that onggi-runtime, crun and runc all run: `/bin/true`, the default namespaces
// and mounts of `runc spec`, no terminal.
#include "engine/core/files.h"
#include "engine/image/builtin_rootfs.h"
#include "engine/spec/spec.h"

#include <cstdio>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s BUNDLE_DIR\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    if (auto r = onggi::image::make_busybox_rootfs(dir + "/rootfs"); !r) {
        std::fprintf(stderr, "rootfs: %s\n", r.error().message().c_str());
        return 1;
    }
    onggi::spec::Spec s = onggi::spec::default_spec();
    s.process.args = {"/bin/true"};
    s.hostname = "bench";
    // crun 1.8 cannot mount a cgroup tree on a hybrid host; keep the mounts every runtime takes.
    std::erase_if(s.mounts, [](const onggi::spec::Mount& m) { return m.type == "cgroup"; });
    s.linux.namespaces = {{"pid", ""}, {"network", ""}, {"ipc", ""}, {"uts", ""}, {"mount", ""}};
    if (auto r = onggi::write_file_atomic(dir + "/config.json", onggi::spec::to_json(s) + "\n"); !r) {
        std::fprintf(stderr, "config.json: %s\n", r.error().message().c_str());
        return 1;
    }
    return 0;
}
