// RpcReply: one request in flight (like QNetworkReply). HelperClient creates it; it emits
// finished() exactly once, with either result() or error(). The caller owns it after call():
// delete it (deleteLater) when done; deleting it early just drops the reply.
#pragma once

#include "client/rpc_error.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace onggi::client {

class HelperClient;

class RpcReply : public QObject {
    Q_OBJECT
public:
    ~RpcReply() override;

    qint64 id() const { return id_; }
    const QString& method() const { return method_; }
    bool isFinished() const { return finished_; }
    bool isError() const { return error_.isError(); }
    const QJsonObject& result() const { return result_; }
    const RpcError& error() const { return error_; }
    // The fd passed with the reply by SCM_RIGHTS (interactive exec), or -1. The caller owns it
    // after take; otherwise it is closed with the reply.
    int takeFd();

signals:
    void finished();

private:
    friend class HelperClient;
    RpcReply(qint64 id, QString method, bool expectFd, QObject* parent);
    void finish(QJsonObject result, RpcError error, int fd);

    qint64 id_;
    QString method_;
    bool expectFd_;
    bool finished_ = false;
    QJsonObject result_;
    RpcError error_;
    int fd_ = -1;
};

}  // namespace onggi::client
