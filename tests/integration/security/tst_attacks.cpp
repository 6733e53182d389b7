#include <QtTest>
class TstAttacks : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("being written"); }
};
QTEST_GUILESS_MAIN(TstAttacks)
#include "tst_attacks.moc"
