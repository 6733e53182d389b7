// AttachServer: the attach socket of a terminal container (docs/shim.md "Attach").
//
// The shim listens on <state dir>/attach.sock (a filesystem socket, mode 0600, in a directory
// only root can reach). Every connection gets a copy of the pty output from the moment it
// connects, and what it sends goes to the pty master as framed messages:
//
//   [type: 1 byte][length: 2 bytes, big-endian][payload: length bytes]
//   type 1 = input  (payload = bytes for the container's terminal; length 0..65535)
//   type 2 = resize (payload = rows u16 BE, cols u16 BE; length 4) -> TIOCSWINSZ on the master
//
// Anything else (unknown type, bad resize length) drops that client.
//
// A non-terminal container started with an open stdin (`run -i` without -t) has the same
// socket for its input only: input goes to the write end of its stdin pipe, resize frames are
// ignored, no output is sent (it is in the log, stdout and stderr apart), and when the first
// client ends its input (shuts down its sending side, or leaves) the pipe is closed once what
// it sent is written: the container reads EOF, as docker's StdinOnce. Nothing here ever blocks:
// every socket and the master are non-blocking; output that a client cannot take at once is
// queued up to kMaxQueued bytes, beyond which that client is dropped, so a client that stops
// reading never holds up the container or its log. Input waits in one bounded queue while the
// terminal cannot take it; while that queue is full no client's input is read.
//
// Single-threaded, driven by the shim's poll() loop: fill() adds the fds it wants polled,
// handle() acts on what poll() reported.
#pragma once

#include "engine/core/result.h"
#include "engine/core/unique_fd.h"

#include <poll.h>

#include <cstdint>
#include <string>
#include <vector>

namespace onggi::shim {

class AttachServer {
public:
    static constexpr size_t kMaxQueued = 1 << 20;        // per client, output not yet taken
    static constexpr size_t kMaxInputQueued = 64 << 10;  // input waiting for the terminal
    static constexpr size_t kMaxClients = 64;
    static constexpr uint8_t kFrameInput = 1;
    static constexpr uint8_t kFrameResize = 2;

    // Binds and listens on dir/attach.sock (through /proc/self/fd/N/, so that a long state
    // path does not hit the 108-byte sun_path limit). master: the pty master (made non-blocking).
    Status listen(const std::string& dir, int master);
    // The same for a non-terminal container's stdin pipe (write end, owned from here on).
    Status listen_stdin(const std::string& dir, UniqueFd pipe_w);
    bool stdin_open() const { return bool(stdin_w_); }

    // Adds the listening socket, the clients and (when input is waiting) the master for POLLOUT.
    void fill(std::vector<pollfd>& p) const;
    // Acts on the revents of the entries fill() added, starting at p[first].
    void handle(const std::vector<pollfd>& p, size_t first);

    // A copy of output read from the master, for every client.
    void broadcast(const char* data, size_t len);

    // True once, after the first client connected (--attach-wait releases the init then).
    bool take_first_attach();
    // --attach-wait ran out with nobody attached: with an open stdin, nobody will feed it, so it
    // is closed (the container reads EOF rather than waiting forever).
    void nobody_came();
    size_t clients() const { return clients_.size(); }

    // The container has exited and its output is drained: give each client up to `ms` in
    // total to take what is queued, then close every connection (clients see EOF) and the
    // listening socket, and remove attach.sock.
    void finish(int ms);

private:
    struct Client {
        UniqueFd fd;
        std::string out;  // queued output
        std::string in;   // bytes received, not yet a whole frame
        bool dead = false;
        bool input_closed = false;  // it shut down its sending side: output still flows
    };
    void accept_all();
    void read_from(Client& c);
    void parse_frames(Client& c);
    void flush(Client& c);
    void write_input();
    void reap();

    void end_stdin();

    UniqueFd listen_fd_;
    int master_ = -1;
    UniqueFd stdin_w_;  // stdin mode: master_ is this pipe's write end
    bool stdin_mode_ = false;
    int stdin_owner_ = -1;  // stdin mode: fd of the first client; its end of input is EOF
    bool owner_done_ = false;
    std::string path_;
    std::vector<Client> clients_;
    std::string input_;  // for the terminal, in arrival order
    bool first_attach_ = false, first_taken_ = false;
};

}  // namespace onggi::shim
