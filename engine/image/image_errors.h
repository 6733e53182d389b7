// The error codes image operations use (engine/core/result.h). An image, layer or manifest that
// is damaged or unsafe is bad input from an archive: invalid_argument, with the context naming
// the entry or digest. A registry that fails or answers nonsense: system (no errno). A cancelled
// pull: bad_state. Kept in one place so that dedicated codes can replace them in one edit.
#pragma once

#include "engine/core/result.h"

namespace onggi::image {

inline constexpr Errc kBadImage = Errc::invalid_argument;
inline constexpr Errc kRegistryError = Errc::system;
inline constexpr Errc kCancelled = Errc::bad_state;

}  // namespace onggi::image
