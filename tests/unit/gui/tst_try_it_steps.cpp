// The Learn lessons' "try it" steps as TryItBar reads them from the lesson files (no helper):
// the shell-like split keeps quoted words whole; every `onggictl exec NAME …` of every lesson
// is found, in both languages the same; a step that never ends by itself (a busy loop, a fork
// bomb, anything sent to the background) gets no button, every other exec step does.
#include "gui/widgets/try_it_bar.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

using onggi::gui::TryItBar;

namespace {
const QString kRoot = QStringLiteral(ONGGI_SOURCE_DIR "/resources/lessons");
QString read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
}  // namespace

class TstTryItSteps : public QObject {
    Q_OBJECT
private slots:
    void splitWords()
    {
        QCOMPARE(TryItBar::splitWords(QStringLiteral("uname -r")), (QStringList{"uname", "-r"}));
        QCOMPARE(TryItBar::splitWords(QStringLiteral("sh -c 'echo hi > /x; rm /y'")),
                 (QStringList{"sh", "-c", "echo hi > /x; rm /y"}));
        QCOMPARE(TryItBar::splitWords(QStringLiteral("  a  \"b c\"d ''  ")), (QStringList{"a", "b cd", ""}));
        QVERIFY(TryItBar::splitWords(QStringLiteral("sh -c 'unclosed")).isEmpty());
    }

    void stepsOfEveryLesson()
    {
        const QStringList files =
            QDir(kRoot + QStringLiteral("/en")).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 19);
        int runnable = 0, endless = 0;
        for (const QString& f : files) {
            const QString en = read(kRoot + QStringLiteral("/en/") + f), ko = read(kRoot + QStringLiteral("/ko/") + f);
            const auto stepsEn = TryItBar::parse(en), stepsKo = TryItBar::parse(ko);
            QCOMPARE(stepsEn.size(), stepsKo.size());
            // Every onggictl step of the page is one Step.
            static const QRegularExpression any(QStringLiteral("<code>onggictl (exec|pause|unpause|inspect) NAME"));
            QCOMPARE(int(stepsEn.size()), int(en.count(any)));
            for (int i = 0; i < stepsEn.size(); ++i) {
                const auto& s = stepsEn[i];
                QCOMPARE(s.text, stepsKo[i].text);
                QCOMPARE(s.argv, stepsKo[i].argv);
                const bool never = s.text.contains(QLatin1String("while :")) || s.text.contains(QLatin1Char('&'));
                if (s.verb == QLatin1String("exec")) {
                    QVERIFY2(s.runnable == !never, qPrintable(f + QStringLiteral(": ") + s.text));
                    QVERIFY(!s.argv.isEmpty());
                    QVERIFY(!s.text.contains(QLatin1String("&gt;")));  // unescaped
                }
                (s.runnable ? runnable : endless) += 1;
            }
        }
        QVERIFY(runnable >= 5);
        QCOMPARE(endless, 2);  // the CPU lesson's busy loop and the PIDs lesson's fork bomb
    }
};

QTEST_GUILESS_MAIN(TstTryItSteps)
#include "tst_try_it_steps.moc"
