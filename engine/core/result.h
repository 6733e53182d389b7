// Result<T>: the value, or an Error{code, errno, context}. No exceptions cross the engine API.
// Context grows as the error climbs: Error("open %s").wrap("mount overlay").
#pragma once

#include <cerrno>
#include <string>
#include <utility>
#include <variant>

namespace onggi {

// Stable codes: the helper sends them over the socket and the GUI maps them to translated text.
enum class Errc {
    ok = 0,
    invalid_argument,  // bad input from a client, a config file, an archive
    not_found,
    already_exists,
    permission_denied,
    unsupported,  // the kernel or host lacks a feature
    bad_state,    // e.g. start on a running container
    busy,
    timeout,
    system,  // a syscall failed; sys_errno says which
    internal,
};

const char* errc_name(Errc c);

struct Error {
    Errc code = Errc::internal;
    int sys_errno = 0;
    std::string context;

    Error() = default;
    Error(Errc c, std::string ctx, int e = 0) : code(c), sys_errno(e), context(std::move(ctx)) {}

    // From the current errno (call right after the failing syscall).
    static Error from_errno(std::string ctx, int e = errno)
    {
        Errc c = Errc::system;
        if (e == ENOENT) c = Errc::not_found;
        else if (e == EEXIST) c = Errc::already_exists;
        else if (e == EPERM || e == EACCES) c = Errc::permission_denied;
        else if (e == EINVAL) c = Errc::invalid_argument;
        else if (e == EBUSY) c = Errc::busy;
        else if (e == ENOSYS || e == EOPNOTSUPP) c = Errc::unsupported;
        return Error(c, std::move(ctx), e);
    }

    // Prepend context: "create container: mount overlay: No such file or directory".
    Error& wrap(const std::string& outer) &
    {
        context = outer + ": " + context;
        return *this;
    }
    Error&& wrap(const std::string& outer) &&
    {
        context = outer + ": " + context;
        return std::move(*this);
    }

    // English, one line: context plus strerror when errno is set.
    std::string message() const;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T v) : v_(std::move(v)) {}
    Result(Error e) : v_(std::move(e)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(v_); }
    const T& value() const& { return std::get<0>(v_); }
    T&& value() && { return std::get<0>(std::move(v_)); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }

    const Error& error() const& { return std::get<1>(v_); }
    Error&& error() && { return std::get<1>(std::move(v_)); }

private:
    std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error e) : err_(std::move(e)), ok_(false) {}

    bool ok() const { return ok_; }
    explicit operator bool() const { return ok_; }
    const Error& error() const& { return err_; }
    Error&& error() && { return std::move(err_); }

private:
    Error err_;
    bool ok_ = true;
};

using Status = Result<void>;

}  // namespace onggi

// Propagate an error with added context:  ONGGI_TRY(r, open_thing(), "open thing");
#define ONGGI_CHECK(expr, ctx)                                                                                         \
    do {                                                                                                               \
        auto onggi_r_ = (expr);                                                                                        \
        if (!onggi_r_) return std::move(onggi_r_).error().wrap(ctx);                                                   \
    } while (0)
