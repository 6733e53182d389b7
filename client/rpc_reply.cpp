#include "client/rpc_reply.h"

#include <unistd.h>

namespace onggi::client {

RpcReply::RpcReply(qint64 id, QString method, bool expectFd, QObject* parent)
    : QObject(parent), id_(id), method_(std::move(method)), expectFd_(expectFd)
{
}

RpcReply::~RpcReply()
{
    if (fd_ >= 0) ::close(fd_);
}

int RpcReply::takeFd()
{
    const int fd = fd_;
    fd_ = -1;
    return fd;
}

void RpcReply::finish(QJsonObject result, RpcError error, int fd)
{
    if (finished_) {
        if (fd >= 0) ::close(fd);
        return;
    }
    finished_ = true;
    result_ = std::move(result);
    error_ = std::move(error);
    fd_ = fd;
    emit finished();
}

}  // namespace onggi::client
