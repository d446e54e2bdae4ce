// The face job's thread count follows the computer's load (issue 21): the rule on recorded samples, and the
// system's own sampler next to real busy processes.
#include "loadgovernor.h"

#include <QProcess>
#include <QTest>
#include <algorithm>
#include <memory>
#include <vector>

using namespace kindred;

class TestLoadGovernor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void followsTheLoad_data()
    {
        QTest::addColumn<int>("cores");
        QTest::addColumn<int>("idle");
        QTest::addColumn<QList<double>>("samples"); // other programs' threads ready to run, one per photo
        QTest::addColumn<int>("fewest");            // the fewest threads used along the way
        QTest::addColumn<int>("last");              // the count after the last sample

        QTest::newRow("idle 2-core machine") << 2 << 2 << QList<double>{0, 0, 0, 0, 0, 0} << 2 << 2;
        QTest::newRow("one busy program") << 2 << 2 << QList<double>{1, 1, 1, 1, 1, 1} << 1 << 1;
        QTest::newRow("two busy programs: never below one")
            << 2 << 2 << QList<double>{2, 2, 3, 4, 2, 2} << 1 << 1;
        QTest::newRow("one short burst does not flip it")
            << 2 << 2 << QList<double>{0, 0, 0, 1, 0, 0, 1, 0} << 2 << 2;
        QTest::newRow("the programs stop: back to the cores")
            << 2 << 2 << QList<double>{2, 2, 2, 2, 0, 0, 0, 0, 0, 0} << 1 << 2;
        QTest::newRow("16 cores, three busy threads") << 16 << 16 << QList<double>(12, 3.0) << 13 << 13;
        QTest::newRow("never above the count asked for") << 16 << 4 << QList<double>(12, 2.0) << 4 << 4;
        QTest::newRow("load unknown: the idle count") << 2 << 2 << QList<double>{-1, -1, -1} << 2 << 2;
        QTest::newRow("unknown samples are skipped") << 2 << 2 << QList<double>{1, -1, 1, -1, 1, 1} << 1 << 1;
    }

    void followsTheLoad()
    {
        QFETCH(int, cores);
        QFETCH(int, idle);
        QFETCH(QList<double>, samples);
        QFETCH(int, fewest);
        QFETCH(int, last);
        auto at = std::make_shared<qsizetype>(0);
        LoadGovernor governor(idle, cores, [samples, at]() { return samples.at((*at)++); });
        QCOMPARE(governor.threads(), idle);
        int seenFewest = idle;
        for (qsizetype i = 0; i < samples.size(); ++i) {
            const int n = governor.update();
            QVERIFY(n >= 1 && n <= idle);
            seenFewest = std::min(seenFewest, n);
        }
        QCOMPARE(seenFewest, fewest);
        QCOMPARE(governor.threads(), last);
    }

    // The system's sampler sees other programs that want the CPU and not this process's own threads.
    void systemSamplerSeesBusyPrograms()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("the load is read from /proc on Linux only");
#else
        std::vector<std::unique_ptr<QProcess>> busy;
        for (int i = 0; i < 2; ++i) {
            busy.push_back(std::make_unique<QProcess>());
            busy.back()->start(QStringLiteral("/bin/sh"),
                               {QStringLiteral("-c"), QStringLiteral("while :; do :; done")});
            QVERIFY(busy.back()->waitForStarted());
        }
        QTest::qWait(300);
        QList<double> samples;
        for (int i = 0; i < 7; ++i) {
            samples.append(LoadGovernor::sampleOthersRunnable());
            QTest::qWait(20);
        }
        LoadGovernor governor(2, 2);
        for (int i = 0; i < 6; ++i)
            governor.update();
        for (auto& p : busy) {
            p->kill();
            p->waitForFinished();
        }
        std::sort(samples.begin(), samples.end());
        // Both spinning shells are ready to run at every instant (running or waiting for a core).
        QVERIFY2(samples.at(samples.size() / 2) >= 2,
                 qPrintable(QString::number(samples.at(samples.size() / 2))));
        QCOMPARE(governor.threads(), 1);
        QVERIFY(governor.othersRunnable() >= 1.5);
#endif
    }
};

QTEST_GUILESS_MAIN(TestLoadGovernor)
#include "tst_loadgovernor.moc"
