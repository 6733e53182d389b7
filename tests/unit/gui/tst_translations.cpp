// Fails when a Korean translation is unfinished: runs lupdate (translations/update.sh) over
// gui/, cli/ and client/ into a temp copy of the .ts files, so strings added anywhere since the
// last translation pass count too. Also checks that every translation keeps the source's
// %1.. / %n placeholders and its keyboard accelerator, that no Korean translation leans on a
// particle placeholder ("%1을(를)": rephrase so the particle is not needed) and that no Korean
// translation is left in English. (Duplicate accelerators in one dialog are checked on the
// real dialogs: tests/gui/app/tst_gui_dialogs.cpp.)
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {
struct Message {
    QString context, source;
    QStringList translations;
    bool unfinished = false;
};

QList<Message> readTs(const QString& path)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message cur;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) context = xml.readElementText();
        else if (name == QLatin1String("message")) cur = Message{context, {}, {}, false};
        else if (name == QLatin1String("source")) cur.source = xml.readElementText();
        else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (type == QLatin1String("vanished") || type == QLatin1String("obsolete")) continue;
            cur.unfinished = type == QLatin1String("unfinished");
            QString text;
            QStringList forms;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) text += xml.text();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) forms << xml.readElementText();
            }
            cur.translations = forms.isEmpty() ? QStringList{text} : forms;
            out << cur;
        }
    }
    return out;
}

QSet<QString> placeholders(const QString& s)
{
    QSet<QString> out;
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    for (auto it = re.globalMatch(s); it.hasNext();) out.insert(it.next().captured(0));
    return out;
}

bool hasAccelerator(const QString& s)
{
    static const QRegularExpression re(QStringLiteral("&[^&\\s;]"));
    QString t = s;
    t.remove(QStringLiteral("&nbsp;"));
    return re.match(t).hasMatch();
}
}  // namespace

class TstTranslations : public QObject {
    Q_OBJECT
private slots:
    void noUnfinishedKorean()
    {
        const QString src = QStringLiteral(ONGGI_SOURCE_DIR);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        for (const char* l : {"ko", "en"}) {
            const QString name = QStringLiteral("onggi_%1.ts").arg(QLatin1String(l));
            QVERIFY2(QFile::copy(src + QStringLiteral("/translations/") + name, tmp.filePath(name)), qPrintable(name));
        }
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(src + QStringLiteral("/translations/update.sh"), {tmp.path()});
        QVERIFY(p.waitForFinished(280000));
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, p.readAll().constData());

        const QList<Message> ko = readTs(tmp.filePath(QStringLiteral("onggi_ko.ts")));
        QVERIFY2(ko.size() > 100, "too few messages: did lupdate run over gui/ cli/ client/?");
        QStringList unfinished, broken;
        for (const Message& m : ko) {
            if (m.unfinished || m.translations.value(0).isEmpty()) {
                unfinished << QStringLiteral("[%1] %2").arg(m.context, m.source);
                continue;
            }
            for (const QString& t : m.translations) {
                QSet<QString> want = placeholders(m.source), got = placeholders(t);
                if (want != got)
                    broken << QStringLiteral("placeholders differ: [%1] %2 -> %3").arg(m.context, m.source, t);
                if (hasAccelerator(m.source) && !hasAccelerator(t))
                    broken << QStringLiteral("accelerator lost: [%1] %2 -> %3").arg(m.context, m.source, t);
            }
        }
        if (!unfinished.isEmpty())
            qWarning("%lld unfinished Korean translation(s); run translations/update.sh and translate:\n%s",
                     qlonglong(unfinished.size()), qPrintable(unfinished.join(QLatin1Char('\n'))));
        QCOMPARE(unfinished.size(), 0);
        if (!broken.isEmpty()) qWarning("%s", qPrintable(broken.join(QLatin1Char('\n'))));
        QCOMPARE(broken.size(), 0);

        // "을(를)", "이(가)", "(으)로"...: the reader sees the machinery; a teacher rephrases.
        static const QRegularExpression particle(
            QStringLiteral("(을\\(를\\)|를\\(을\\)|이\\(가\\)|가\\(이\\)|은\\(는\\)|는\\(은\\)|과\\(와\\)|와\\(과\\)|"
                           "\\(으\\)로|\\(이\\)라)"));
        // English left: no Hangul, and a word that is not a name, command or kernel term.
        static const QRegularExpression hangul(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{4,}"));
        static const QSet<QString> terms = {
            QStringLiteral("English"),  QStringLiteral("cgroup"),    QStringLiteral("seccomp"),
            QStringLiteral("sudo"),     QStringLiteral("systemctl"), QStringLiteral("restart"),
            QStringLiteral("status"),   QStringLiteral("onggi"),     QStringLiteral("helper"),
            QStringLiteral("onggictl"), QStringLiteral("info"),      QStringLiteral("version"),
            QStringLiteral("span"),     QStringLiteral("style"),     QStringLiteral("color"),
            QStringLiteral("nbsp")};
        QStringList particles, english;
        for (const Message& m : ko)
            for (const QString& t : m.translations) {
                if (particle.match(t).hasMatch()) particles << QStringLiteral("[%1] %2").arg(m.context, t);
                if (hangul.match(t).hasMatch()) continue;
                for (auto it = word.globalMatch(t); it.hasNext();) {
                    const QString w = it.next().captured(0);
                    if (!terms.contains(w)) {
                        english << QStringLiteral("[%1] %2 (\"%3\")").arg(m.context, t, w);
                        break;
                    }
                }
            }
        if (!particles.isEmpty()) qWarning("particle placeholders:\n%s", qPrintable(particles.join(QLatin1Char('\n'))));
        QCOMPARE(particles.size(), 0);
        if (!english.isEmpty()) qWarning("left in English:\n%s", qPrintable(english.join(QLatin1Char('\n'))));
        QCOMPARE(english.size(), 0);

        const QList<Message> en = readTs(tmp.filePath(QStringLiteral("onggi_en.ts")));
        int enUnfinished = 0;
        for (const Message& m : en) enUnfinished += m.unfinished ? 1 : 0;
        QCOMPARE(enUnfinished, 0);
    }
};

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
