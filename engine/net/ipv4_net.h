// Ipv4Net: an IPv4 address with a prefix length ("10.88.0.5/24"), parsed strictly and
// compared as numbers. Host byte order inside; to_string()/parse() are the only text forms.
#pragma once

#include "engine/core/result.h"

#include <cstdint>
#include <string>

namespace onggi::net {

struct Ipv4Net {
    uint32_t addr = 0;  // host byte order
    int prefix = 32;

    // "a.b.c.d" (prefix 32) or "a.b.c.d/n"; no leading zeros, no spaces.
    static Result<Ipv4Net> parse(const std::string& text);
    static Result<uint32_t> parse_address(const std::string& text);
    static std::string format(uint32_t addr);

    uint32_t mask() const { return prefix == 0 ? 0 : ~uint32_t(0) << (32 - prefix); }
    uint32_t network() const { return addr & mask(); }
    uint32_t broadcast() const { return network() | ~mask(); }
    Ipv4Net subnet() const { return {network(), prefix}; }
    bool contains(uint32_t a) const { return (a & mask()) == network(); }
    bool overlaps(const Ipv4Net& o) const
    {
        int p = prefix < o.prefix ? prefix : o.prefix;
        uint32_t m = p == 0 ? 0 : ~uint32_t(0) << (32 - p);
        return (addr & m) == (o.addr & m);
    }
    std::string to_string() const { return format(addr) + "/" + std::to_string(prefix); }
    std::string address_string() const { return format(addr); }
    bool operator==(const Ipv4Net&) const = default;
};

}  // namespace onggi::net
