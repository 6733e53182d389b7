#include "gui/app/language_manager.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace onggi::gui {

namespace {
// The client library translates with the fixed context "onggi::client" from a local tr()
// helper inside its classes, so lupdate files those strings under the class name
// ("ErrorText"). This translator looks there when the fixed context finds nothing.
class ContextAliasTranslator : public QTranslator {
public:
    QString translate(const char* context, const char* source, const char* disambiguation, int n) const override
    {
        QString t = QTranslator::translate(context, source, disambiguation, n);
        if (t.isEmpty() && context && qstrcmp(context, "onggi::client") == 0) {
            for (const char* alias :
                 {"ErrorText", "onggi::client::ErrorText", "ByteSize", "HelperClient", "RpcError"}) {
                t = QTranslator::translate(alias, source, disambiguation, n);
                if (!t.isEmpty()) break;
            }
        }
        return t;
    }
};
}  // namespace

LanguageManager::LanguageManager(QObject* parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    if (m_app) QCoreApplication::removeTranslator(m_app.get());
    if (m_qt) QCoreApplication::removeTranslator(m_qt.get());
}

bool LanguageManager::setLanguage(const QString& code)
{
    QString effective = code;
    if (code != QLatin1String("ko") && code != QLatin1String("en")) {
        const QStringList ui = QLocale::system().uiLanguages();
        effective = QLatin1String("en");
        for (const QString& l : ui) {
            if (l.startsWith(QLatin1String("ko"))) {
                effective = QLatin1String("ko");
                break;
            }
            if (l.startsWith(QLatin1String("en"))) break;
        }
    }
    std::unique_ptr<QTranslator> app = std::make_unique<ContextAliasTranslator>();
    const bool ok = app->load(QStringLiteral(":/i18n/onggi_%1.qm").arg(effective));
    auto qt = std::make_unique<QTranslator>();
    const bool qtOk = effective != QLatin1String("en") && qt->load(QStringLiteral("qtbase_%1").arg(effective),
                                                                   QLibraryInfo::path(QLibraryInfo::TranslationsPath));

    if (m_app) QCoreApplication::removeTranslator(m_app.get());
    if (m_qt) QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
    QLocale::setDefault(QLocale(effective == QLatin1String("ko") ? QLocale::Korean : QLocale::English,
                                effective == QLatin1String("ko") ? QLocale::SouthKorea : QLocale::UnitedStates));
    if (qtOk) {
        m_qt = std::move(qt);
        QCoreApplication::installTranslator(m_qt.get());
    }
    if (ok) {
        m_app = std::move(app);
        QCoreApplication::installTranslator(m_app.get());
    }
    m_code = code.isEmpty() ? QStringLiteral("system") : code;
    m_effective = effective;
    applyFont();
    emit languageChanged(m_code);
    return ok;
}

QString LanguageManager::koreanUiFamily()
{
    static const QString family = [] {
        for (const char* f : {"Noto Sans CJK KR", "Noto Sans KR", "Source Han Sans KR"})
            if (QFontDatabase::hasFamily(QString::fromLatin1(f))) return QString::fromLatin1(f);
        return QString();
    }();
    return family;
}

void LanguageManager::applyFont()
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) return;  // no fonts without a GUI
    QFont f = QGuiApplication::font();
    if (m_platformFamily.isEmpty()) m_platformFamily = f.family();
    const QString want =
        m_effective == QLatin1String("ko") && !koreanUiFamily().isEmpty() ? koreanUiFamily() : m_platformFamily;
    if (f.family() == want) return;
    f.setFamily(want);
    QGuiApplication::setFont(f);
}

}  // namespace onggi::gui
