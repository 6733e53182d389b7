// onggi-runtime spec: writes a default config.json.
#include "engine/cmd/runtime_cli.h"

#include "engine/core/files.h"
#include "engine/spec/spec.h"

#include <unistd.h>

namespace onggi::runtime_cli {

int cmd_spec(const Args& a)
{
    std::string bundle = a.get("--bundle", a.get("-b", "."));
    std::string path = bundle + "/config.json";
    if (::access(path.c_str(), F_OK) == 0)
        return fail(Error(Errc::already_exists, "File " + path + " exists. Remove it first"));
    spec::Spec s = spec::default_spec();
    if (a.has("--rootless")) return fail(Error(Errc::unsupported, "--rootless specs are not supported"));
    if (auto r = write_file_atomic(path, to_json(s) + "\n", 0644); !r) return fail(r.error());
    return 0;
}

}  // namespace onggi::runtime_cli
