#include "engine/net/ipv4_net.h"

namespace onggi::net {

Result<uint32_t> Ipv4Net::parse_address(const std::string& text)
{
    uint32_t out = 0;
    size_t i = 0;
    for (int part = 0; part < 4; ++part) {
        if (part > 0) {
            if (i >= text.size() || text[i] != '.')
                return Error(Errc::invalid_argument, "not an IPv4 address: '" + text + "'");
            ++i;
        }
        size_t start = i;
        uint32_t v = 0;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 3)
            v = v * 10 + uint32_t(text[i++] - '0');
        if (i == start || v > 255 || (text[start] == '0' && i - start > 1))
            return Error(Errc::invalid_argument, "not an IPv4 address: '" + text + "'");
        out = out << 8 | v;
    }
    if (i != text.size()) return Error(Errc::invalid_argument, "not an IPv4 address: '" + text + "'");
    return out;
}

Result<Ipv4Net> Ipv4Net::parse(const std::string& text)
{
    auto slash = text.find('/');
    auto a = parse_address(text.substr(0, slash));
    if (!a) return std::move(a).error();
    Ipv4Net n{a.value(), 32};
    if (slash != std::string::npos) {
        std::string p = text.substr(slash + 1);
        if (p.empty() || p.size() > 2 || p.find_first_not_of("0123456789") != std::string::npos ||
            (p.size() == 2 && p[0] == '0'))
            return Error(Errc::invalid_argument, "bad prefix length in '" + text + "'");
        n.prefix = std::stoi(p);
        if (n.prefix > 32) return Error(Errc::invalid_argument, "prefix length over 32 in '" + text + "'");
    }
    return n;
}

std::string Ipv4Net::format(uint32_t a)
{
    return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." + std::to_string((a >> 8) & 255) +
           "." + std::to_string(a & 255);
}

}  // namespace onggi::net
