#include "backgroundpriority.h"

#include <QThread>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(Q_OS_DARWIN)
#include <pthread/qos.h>
#endif

namespace kindred {

void BackgroundPriority::lowerCurrentThread()
{
#if defined(Q_OS_DARWIN)
    // The "utility" QoS class: long-running work the user is not waiting on. Not QThread::setPriority,
    // which uses pthread_setschedparam, after which a thread can no longer be given a QoS class.
    const qos_class_t current = qos_class_self();
    if (current == QOS_CLASS_UNSPECIFIED || current > QOS_CLASS_UTILITY)
        (void)pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0);
#else
    // Windows: SetThreadPriority(THREAD_PRIORITY_BELOW_NORMAL) for this thread (threads created later,
    // such as LibTorch's pool, do not inherit it there).
    QThread* thread = QThread::currentThread();
    if (thread->priority() == QThread::InheritPriority || thread->priority() > QThread::LowPriority)
        thread->setPriority(QThread::LowPriority);
#endif
#if defined(Q_OS_LINUX)
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    const int current = getpriority(PRIO_PROCESS, tid);
    if (current < 10)
        (void)setpriority(PRIO_PROCESS, tid, 10);
#endif
}

} // namespace kindred
