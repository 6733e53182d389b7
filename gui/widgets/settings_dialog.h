// Preferences: language (system / 한국어 / English, applied at once) and the stats refresh
// interval. Stored with QSettings by the main window.
#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QSpinBox;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    void setLanguage(const QString& code);  // system | ko | en
    QString language() const;
    void setIntervalMs(int ms);
    int intervalMs() const;

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslateUi();
    QComboBox* m_language;
    QSpinBox* m_interval;
    QFormLayout* m_form;
    QDialogButtonBox* m_buttons;
};

}  // namespace gui
}  // namespace onggi
