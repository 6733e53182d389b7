#include "engine/core/result.h"

#include <cstring>

namespace onggi {

const char* errc_name(Errc c)
{
    switch (c) {
    case Errc::ok: return "ok";
    case Errc::invalid_argument: return "invalid_argument";
    case Errc::not_found: return "not_found";
    case Errc::already_exists: return "already_exists";
    case Errc::permission_denied: return "permission_denied";
    case Errc::unsupported: return "unsupported";
    case Errc::bad_state: return "bad_state";
    case Errc::busy: return "busy";
    case Errc::timeout: return "timeout";
    case Errc::system: return "system";
    case Errc::internal: return "internal";
    }
    return "internal";
}

std::string Error::message() const
{
    if (sys_errno == 0) return context;
    return context + ": " + std::strerror(sys_errno);
}

}  // namespace onggi
