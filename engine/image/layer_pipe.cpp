#include "engine/image/layer_pipe.h"

namespace onggi::image {

void LayerPipe::push(std::shared_ptr<const void> owner, const char* data, size_t len)
{
    if (!len) return;
    {
        std::lock_guard lk(mu_);
        if (abandoned_ || closed_ || error_) return;
        queued_ += len;
        pushed_ += len;
        if (queued_ >= high_water_) was_full_ = true;
        chunks_.push_back({std::move(owner), data, len});
    }
    cv_.notify_one();
}

void LayerPipe::push(std::string bytes)
{
    auto s = std::make_shared<std::string>(std::move(bytes));
    const char* p = s->data();
    size_t n = s->size();
    push(std::shared_ptr<const void>(s, p), p, n);
}

bool LayerPipe::full() const
{
    std::lock_guard lk(mu_);
    return !abandoned_ && queued_ >= high_water_;
}

uint64_t LayerPipe::pushed() const
{
    std::lock_guard lk(mu_);
    return pushed_;
}

void LayerPipe::close()
{
    {
        std::lock_guard lk(mu_);
        closed_ = true;
    }
    cv_.notify_one();
}

void LayerPipe::fail(Error e)
{
    {
        std::lock_guard lk(mu_);
        if (!error_) error_ = std::move(e);
    }
    cv_.notify_one();
}

void LayerPipe::on_drained(std::function<void()> f)
{
    std::lock_guard lk(mu_);
    drained_ = std::move(f);
}

void LayerPipe::abandon()
{
    std::lock_guard lk(mu_);
    abandoned_ = true;
    chunks_.clear();
    queued_ = 0;
}

ssize_t LayerPipe::read(const void** out, Error* err)
{
    std::function<void()> call;
    ssize_t n = 0;
    {
        std::unique_lock lk(mu_);
        cv_.wait(lk, [this] { return error_ || !chunks_.empty() || closed_; });
        // A failure wins over queued bytes: nothing of a refused stream may be committed.
        if (error_) {
            if (err) *err = *error_;
            return -1;
        }
        if (chunks_.empty()) return 0;  // closed and drained: EOF
        current_ = std::move(chunks_.front());
        chunks_.pop_front();
        queued_ -= current_.len;
        n = ssize_t(current_.len);
        *out = current_.data;
        if (was_full_ && queued_ <= high_water_ / 2) {
            was_full_ = false;
            call = drained_;
        }
    }
    if (call) call();
    return n;
}

}  // namespace onggi::image
