#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace kindred {

// A fixed set of objects that threads borrow one at a time, with a limit on how many may be out at once
// that the owner changes while the borrowers run. The face job's detectors: one per worker thread, and the
// limit is the number of cores other programs leave free at the moment (LoadGovernor), so that photos are
// detected side by side on an idle computer and one at a time on a busy one.
template <class T> class ResourcePool {
public:
    // A borrowed object; given back when the lease ends (or release() is called).
    class Lease {
    public:
        Lease() = default;
        Lease(Lease&& other) noexcept
            : m_pool(std::exchange(other.m_pool, nullptr)), m_item(std::exchange(other.m_item, nullptr))
        {
        }
        Lease& operator=(Lease&& other) noexcept
        {
            if (this != &other) {
                release();
                m_pool = std::exchange(other.m_pool, nullptr);
                m_item = std::exchange(other.m_item, nullptr);
            }
            return *this;
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        ~Lease() { release(); }

        explicit operator bool() const { return m_item != nullptr; }
        T& operator*() const { return *m_item; }
        T* operator->() const { return m_item; }
        void release()
        {
            if (m_pool && m_item)
                m_pool->giveBack(m_item);
            m_pool = nullptr;
            m_item = nullptr;
        }

    private:
        friend class ResourcePool;
        Lease(ResourcePool* pool, T* item) : m_pool(pool), m_item(item) {}
        ResourcePool* m_pool = nullptr;
        T* m_item = nullptr;
    };

    // `items` must not be empty; the limit starts at their number.
    explicit ResourcePool(std::vector<std::unique_ptr<T>> items)
        : m_items(std::move(items)), m_limit(int(m_items.size()))
    {
        for (const auto& item : m_items)
            m_free.push_back(item.get());
    }
    ResourcePool(const ResourcePool&) = delete;
    ResourcePool& operator=(const ResourcePool&) = delete;

    int size() const { return int(m_items.size()); }

    // How many may be borrowed at once, from 1 to size(). Lowering it takes nothing back: borrowers
    // finish, and new ones wait until fewer than the limit are out.
    void setLimit(int limit)
    {
        {
            std::lock_guard lock(m_mutex);
            m_limit = std::clamp(limit, 1, std::max(1, size()));
        }
        m_cv.notify_all();
    }
    int limit() const
    {
        std::lock_guard lock(m_mutex);
        return m_limit;
    }
    int inUse() const
    {
        std::lock_guard lock(m_mutex);
        return m_inUse;
    }

    // Waits until an object may be borrowed.
    Lease acquire()
    {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [this] { return available(); });
        return take();
    }

    // The same, giving up after `timeout` (an empty lease).
    template <class Rep, class Period> Lease tryAcquireFor(std::chrono::duration<Rep, Period> timeout)
    {
        std::unique_lock lock(m_mutex);
        if (!m_cv.wait_for(lock, timeout, [this] { return available(); }))
            return {};
        return take();
    }

private:
    bool available() const { return m_inUse < m_limit && !m_free.empty(); }
    Lease take()
    {
        T* item = m_free.back();
        m_free.pop_back();
        ++m_inUse;
        return Lease(this, item);
    }
    void giveBack(T* item)
    {
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(item);
            --m_inUse;
        }
        m_cv.notify_all();
    }

    std::vector<std::unique_ptr<T>> m_items;
    std::vector<T*> m_free;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_limit;
    int m_inUse = 0;
};

} // namespace kindred
