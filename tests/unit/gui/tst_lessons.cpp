// The Learn lessons (resources/lessons/<lang>/NN-id.html) as content: every lesson exists in
// Korean and in English, each with a title, an explanation, a try-it step and check questions;
// no Korean block is left in English (each block has Hangul outside <code>), no English file
// holds Hangul, and both languages give the same commands (<code>) in the same order.
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QtTest>

namespace {
const QString kRoot = QStringLiteral(ONGGI_SOURCE_DIR "/resources/lessons");

QString read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QStringList all(const QString& html, const QString& tag)
{
    QStringList out;
    const QRegularExpression re(QStringLiteral("<%1(?:\\s[^>]*)?>(.*?)</%1>").arg(tag),
                                QRegularExpression::DotMatchesEverythingOption);
    for (auto it = re.globalMatch(html); it.hasNext();) out << it.next().captured(1);
    return out;
}

QString prose(QString block)
{  // the text a reader reads as language: code and tags removed
    block.remove(
        QRegularExpression(QStringLiteral("<code>.*?</code>"), QRegularExpression::DotMatchesEverythingOption));
    block.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    return block.trimmed();
}

bool hasHangul(const QString& s)
{
    for (QChar c : s)
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3) return true;
    return false;
}

QStringList lessons(const QString& lang)
{
    return QDir(kRoot + QLatin1Char('/') + lang).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
}
}  // namespace

class TstLessons : public QObject {
    Q_OBJECT
private slots:
    void bothLanguagesHaveTheSameLessons()
    {
        const QStringList ko = lessons(QStringLiteral("ko")), en = lessons(QStringLiteral("en"));
        QVERIFY2(en.size() >= 19, qPrintable(QStringLiteral("%1 lessons").arg(en.size())));
        QCOMPARE(ko, en);
        const QRegularExpression name(QStringLiteral("^\\d\\d-[a-z]+\\.html$"));
        for (const QString& f : en) QVERIFY2(name.match(f).hasMatch(), qPrintable(f));
    }

    void eachLesson_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& f : lessons(QStringLiteral("en"))) QTest::newRow(qPrintable(f)) << f;
    }
    void eachLesson()
    {
        QFETCH(QString, file);
        const QString ko = read(kRoot + QStringLiteral("/ko/") + file),
                      en = read(kRoot + QStringLiteral("/en/") + file);
        QVERIFY(!ko.isEmpty());
        QVERIFY(!en.isEmpty());
        QVERIFY(ko.contains(QLatin1String("<html lang=\"ko\">")));
        QVERIFY(en.contains(QLatin1String("<html lang=\"en\">")));
        for (const QString* h : {&ko, &en}) {
            QCOMPARE(all(*h, QStringLiteral("title")).size(), 1);
            QCOMPARE(all(*h, QStringLiteral("title")), all(*h, QStringLiteral("h1")));
            QVERIFY(!prose(all(*h, QStringLiteral("title")).value(0)).isEmpty());
            QCOMPARE(all(*h, QStringLiteral("h2")).size(), 2);   // try it, check questions
            QVERIFY(all(*h, QStringLiteral("p")).size() >= 2);   // explanation + try it
            QVERIFY(all(*h, QStringLiteral("li")).size() >= 2);  // at least two questions
            QVERIFY(!h->contains(QLatin1String("TODO"), Qt::CaseInsensitive));
        }
        // Korean: every block a reader reads has Korean in it.
        for (const QString& tag : {QStringLiteral("title"), QStringLiteral("h1"), QStringLiteral("h2"),
                                   QStringLiteral("p"), QStringLiteral("li")})
            for (const QString& b : all(ko, tag))
                QVERIFY2(hasHangul(prose(b)), qPrintable(file + QStringLiteral(": untranslated: ") + b));
        // English: none.
        QVERIFY2(!hasHangul(en), qPrintable(file));
        // The same structure and the same commands.
        for (const QString& tag : {QStringLiteral("p"), QStringLiteral("li"), QStringLiteral("h2")})
            QCOMPARE(all(ko, tag).size(), all(en, tag).size());
        QCOMPARE(all(ko, QStringLiteral("code")), all(en, QStringLiteral("code")));
    }
};

QTEST_APPLESS_MAIN(TstLessons)
#include "tst_lessons.moc"
