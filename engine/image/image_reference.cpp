#include "engine/image/image_reference.h"
#include "engine/image/image_store.h"

#include <regex>

namespace onggi::image {

namespace {

Error bad(const std::string& text, const std::string& why)
{
    return Error(Errc::invalid_argument, "invalid image name '" + text.substr(0, 120) + "': " + why);
}

}  // namespace

Result<ImageReference> ImageReference::parse(const std::string& text)
{
    static const std::regex component("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    static const std::regex tag_re("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    static const std::regex domain_re("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\\.(?:[A-Za-z0-9](?:[A-Za-z0-9-]*"
                                      "[A-Za-z0-9])?))*(?::[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\](?::[0-9]{1,5})?");
    if (text.empty()) return bad(text, "empty");
    if (text.size() > 512) return bad(text, "longer than 512 characters");
    ImageReference r;
    std::string rest = text;
    if (auto at = rest.find('@'); at != std::string::npos) {
        r.digest = rest.substr(at + 1);
        rest = rest.substr(0, at);
        if (!is_digest(r.digest)) return bad(text, "digest must be sha256:<64 lowercase hex>");
    }
    if (auto colon = rest.rfind(':'); colon != std::string::npos && rest.find('/', colon) == std::string::npos) {
        r.tag = rest.substr(colon + 1);
        rest = rest.substr(0, colon);
        if (!std::regex_match(r.tag, tag_re)) return bad(text, "invalid tag");
    }
    std::string first = rest.substr(0, rest.find('/'));
    if (rest.find('/') != std::string::npos &&
        (first.find('.') != std::string::npos || first.find(':') != std::string::npos || first == "localhost")) {
        r.domain = first;
        r.repository = rest.substr(first.size() + 1);
        if (!std::regex_match(r.domain, domain_re)) return bad(text, "invalid registry host");
    } else {
        r.domain = "docker.io";
        r.repository = rest;
    }
    if (r.domain == "index.docker.io" || r.domain == "registry-1.docker.io") r.domain = "docker.io";
    if (r.domain == "docker.io" && r.repository.find('/') == std::string::npos)
        r.repository = "library/" + r.repository;
    if (r.repository.empty() || r.repository.size() > 255) return bad(text, "empty or too long repository");
    size_t i = 0;
    while (i <= r.repository.size()) {
        size_t j = r.repository.find('/', i);
        if (j == std::string::npos) j = r.repository.size();
        if (!std::regex_match(r.repository.substr(i, j - i), component))
            return bad(text, "repository path components are lowercase letters, digits and separators");
        i = j + 1;
    }
    if (r.tag.empty() && r.digest.empty()) r.tag = "latest";
    return r;
}

std::string ImageReference::registry_host() const { return domain == "docker.io" ? "registry-1.docker.io" : domain; }

std::string ImageReference::familiar_name() const
{
    if (domain == "docker.io")
        return repository.rfind("library/", 0) == 0 && repository.find('/', 8) == std::string::npos
                   ? repository.substr(8)
                   : repository;
    return domain + "/" + repository;
}

std::string ImageReference::familiar() const { return familiar_name() + (tag.empty() ? "@" + digest : ":" + tag); }

bool ImageReference::loopback() const
{
    std::string host = domain;
    if (!host.empty() && host[0] == '[') host = host.substr(1, host.find(']') - 1);
    else host = host.substr(0, host.rfind(':') == std::string::npos ? host.size() : host.rfind(':'));
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace onggi::image
