// The models target links LibTorch and sets torch's thread count from the machine at start-up.
#include "models/torch_runtime.h"

#include <QTest>

#include <thread>

using namespace marketlens::models;

class TestTorchRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadsFollowCpuCount()
    {
        const auto info = initTorchRuntime();
        const int cpus = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
        QCOMPARE(info.intraOpThreads, cpus);
        QCOMPARE(torchRuntimeInfo().intraOpThreads, cpus);
        QVERIFY(!info.version.empty());
    }
    void explicitThreadCount()
    {
        QCOMPARE(initTorchRuntime(1).intraOpThreads, 1);
        initTorchRuntime();
    }
    void computes() { QCOMPARE(torchSmokeTest(), 64.0 * 64.0 * 64.0); }
};

QTEST_GUILESS_MAIN(TestTorchRuntime)
#include "test_torch_runtime.moc"
