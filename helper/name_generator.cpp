#include "helper/name_generator.h"

#include <sys/random.h>

#include <cstdint>
#include <ctime>

namespace onggi::helper {

namespace {
const char* const kAdjectives[] = {"admiring", "bold",     "brave",  "calm",    "clever",     "cool",     "dazzling",
                                   "eager",    "elegant",  "epic",   "fervent", "festive",    "focused",  "friendly",
                                   "gallant",  "gentle",   "happy",  "hopeful", "jolly",      "keen",     "kind",
                                   "lucid",    "modest",   "nifty",  "noble",   "optimistic", "peaceful", "quirky",
                                   "relaxed",  "serene",   "sharp",  "silly",   "sleepy",     "stoic",    "sweet",
                                   "tender",   "trusting", "upbeat", "vibrant", "wise",       "youthful", "zealous"};
const char* const kNouns[] = {
    // Korean potters, scientists and inventors, with some of docker's classics.
    "onggi",    "jangdok",   "sejong",  "jang",   "heo",     "choe",     "yi",       "kim",
    "hopper",   "lovelace",  "turing",  "curie",  "noether", "dijkstra", "knuth",    "ritchie",
    "thompson", "torvalds",  "babbage", "bohr",   "darwin",  "einstein", "euler",    "fermat",
    "gauss",    "hamilton",  "hypatia", "kepler", "lamport", "liskov",   "mccarthy", "newton",
    "pascal",   "ramanujan", "shannon", "tesla",  "wozniak", "yalow",    "bardeen",  "cori"};

uint64_t rnd()
{
    uint64_t v = 0;
    if (::getrandom(&v, sizeof v, 0) != sizeof v)
        v = uint64_t(reinterpret_cast<uintptr_t>(&v)) ^ uint64_t(::time(nullptr));
    return v;
}
}  // namespace

std::string NameGenerator::random_id()
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 4; ++i) {
        uint64_t v = rnd();
        for (int j = 0; j < 16; ++j) {
            s += digits[v & 15];
            v >>= 4;
        }
    }
    return s;
}

std::string NameGenerator::generate(const std::function<bool(const std::string&)>& taken)
{
    constexpr size_t na = sizeof kAdjectives / sizeof *kAdjectives, nn = sizeof kNouns / sizeof *kNouns;
    for (int attempt = 0; attempt < 64; ++attempt) {
        uint64_t v = rnd();
        std::string name = std::string(kAdjectives[v % na]) + "_" + kNouns[(v / na) % nn];
        if (attempt >= 8) name += "_" + std::to_string((v >> 32) % 1000);
        if (!taken(name)) return name;
    }
    return "c_" + random_id().substr(0, 16);
}

}  // namespace onggi::helper
