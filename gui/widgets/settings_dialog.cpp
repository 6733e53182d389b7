#include "gui/widgets/settings_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

namespace onggi::gui {

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent)
{
    m_language = new QComboBox(this);
    for (const char* c : {"system", "ko", "en"}) m_language->addItem(QString(), QString::fromLatin1(c));
    m_interval = new QSpinBox(this);
    m_interval->setRange(100, 10000);
    m_interval->setSingleStep(100);
    m_interval->setValue(1000);
    m_form = new QFormLayout;
    m_form->addRow(new QLabel(this), m_language);
    m_form->addRow(new QLabel(this), m_interval);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* lay = new QVBoxLayout(this);
    lay->addLayout(m_form);
    lay->addWidget(m_buttons);
    retranslateUi();
}

void SettingsDialog::setLanguage(const QString& code)
{
    const int i = m_language->findData(code);
    m_language->setCurrentIndex(i < 0 ? 0 : i);
}

QString SettingsDialog::language() const { return m_language->currentData().toString(); }
void SettingsDialog::setIntervalMs(int ms) { m_interval->setValue(ms); }
int SettingsDialog::intervalMs() const { return m_interval->value(); }

void SettingsDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(e);
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Settings"));
    m_language->setItemText(0, tr("System language"));
    //: the name of the Korean language, always written in Korean
    m_language->setItemText(1, tr("한국어"));
    //: the name of the English language, always written in English
    m_language->setItemText(2, tr("English"));
    m_interval->setSuffix(tr(" ms"));
    if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(m_language))) {
        l->setText(tr("&Language:"));
        l->setBuddy(m_language);
    }
    if (auto* l = qobject_cast<QLabel*>(m_form->labelForField(m_interval))) {
        l->setText(tr("&Refresh interval:"));
        l->setBuddy(m_interval);
    }
    m_interval->setToolTip(tr("How often the helper samples the containers' cgroups for the charts (100 ms to 10 s)."));
}

}  // namespace onggi::gui
