// onggi-bench-unpack DEST LAYER...: unpack each layer blob (as a pull does: extract_layer, with the
// diff_id hashed on the way) into DEST/<n>, and print the seconds it took in total.
#include "engine/core/unique_fd.h"
#include "engine/image/layer_extractor.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <string>

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: onggi-bench-unpack DEST LAYER...\n");
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 2; i < argc; ++i) {
        std::string dir = std::string(argv[1]) + "/" + std::to_string(i - 2);
        ::mkdir(dir.c_str(), 0755);
        onggi::UniqueFd fd(::open(argv[i], O_RDONLY | O_CLOEXEC));
        auto r = onggi::image::extract_layer(fd.get(), dir);
        if (!r) {
            std::fprintf(stderr, "%s: %s\n", argv[i], r.error().message().c_str());
            return 1;
        }
    }
    std::printf("%.6f\n", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    return 0;
}
