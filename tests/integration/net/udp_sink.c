/* udp_sink PORT: a static UDP listener that the network test mounts into a container (busybox
 * has no UDP server): prints each datagram it receives on stdout, one line each. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc != 2) return 2;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = {0};
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)atoi(argv[1]));
    if (fd < 0 || bind(fd, (struct sockaddr*)&a, sizeof a) < 0) return 1;
    char buf[2048];
    for (;;) {
        ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
        if (n <= 0) continue;
        buf[n] = 0;
        printf("got: %s\n", buf);
        fflush(stdout);
    }
}
