// CreateFlags: the flags run and create share, and their translation into CreateOptions.
#pragma once

#include "cli/arg_parser.h"
#include "client/create_options.h"

namespace onggi::cli {

class CreateFlags {
public:
    static void add(ArgParser& p, bool forRun);
    // False with *error set (a user-facing sentence) on a bad value.
    static bool build(const ArgParser& p, client::CreateOptions& out, QString* error);
    // Limits flags shared with update: --memory, --cpus, --pids-limit, --memory-high, ...
    static void addLimits(ArgParser& p);
    static bool buildLimits(const ArgParser& p, client::Limits& out, QString* error);
};

}  // namespace onggi::cli
