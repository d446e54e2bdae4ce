#include "backgroundpriority.h"

#include <QThread>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace kindred {

void BackgroundPriority::lowerCurrentThread()
{
    QThread* thread = QThread::currentThread();
    if (thread->priority() == QThread::InheritPriority || thread->priority() > QThread::LowPriority)
        thread->setPriority(QThread::LowPriority);
#ifdef Q_OS_LINUX
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    const int current = getpriority(PRIO_PROCESS, tid);
    if (current < 10)
        (void)setpriority(PRIO_PROCESS, tid, 10);
#endif
}

} // namespace kindred
