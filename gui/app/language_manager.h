// Run-time language switching: installs the Onggi and Qt translators for "system", "ko" or
// "en" and sets the default locale (numbers, dates). Qt then sends QEvent::LanguageChange to
// every widget, which calls its retranslateUi(); nothing restarts.
#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>
#include <memory>

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LanguageManager : public QObject {
    Q_OBJECT
public:
    explicit LanguageManager(QObject* parent = nullptr);
    ~LanguageManager() override;

    // "system", "ko" or "en". Returns false when the translation could not be loaded.
    bool setLanguage(const QString& code);
    QString language() const { return m_code; }
    // The language actually in effect ("ko" or "en") after resolving "system".
    QString effectiveLanguage() const { return m_effective; }
    // The UI font family for Korean: Noto Sans CJK KR when installed (fonts-noto-cjk), whose
    // "\" is a backslash and whose "." reads at the default size; the Nanum fonts draw "\"
    // as "₩" (paths, the Learn panel's commands) and a faint period. Empty when absent.
    static QString koreanUiFamily();

signals:
    void languageChanged(const QString& code);

private:
    std::unique_ptr<QTranslator> m_app, m_qt;
    void applyFont();

    QString m_code, m_effective;
    QString m_platformFamily;  // the application font's family before Korean changed it
};

}  // namespace gui
}  // namespace onggi
