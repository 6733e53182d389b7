// NameGenerator: docker-like "adjective_noun" names and random 64-hex container ids.
#pragma once

#include <functional>
#include <string>

namespace onggi::helper {

class NameGenerator {
public:
    static std::string random_id();  // 64 hex from getrandom()
    // A name for which taken(name) is false; appends _N after many collisions.
    static std::string generate(const std::function<bool(const std::string&)>& taken);
};

}  // namespace onggi::helper
