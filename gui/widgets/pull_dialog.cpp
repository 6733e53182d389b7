#include "gui/widgets/pull_dialog.h"

#include "client/error_text.h"
#include "gui/models/units.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace onggi {
namespace gui {

PullDialog::PullDialog(client::HelperSession* session, QWidget* parent) : QDialog(parent), m_session(session)
{
    m_ref = new QLineEdit(this);
    m_ref->setClearButtonEnabled(true);
    m_refLabel = new QLabel(this);
    m_refLabel->setBuddy(m_ref);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rowsHost = new QWidget(this);
    m_rows = new QGridLayout(m_rowsHost);
    m_rows->setColumnStretch(2, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_rowsHost);
    scroll->setMinimumHeight(fontMetrics().height() * 8);
    m_buttons = new QDialogButtonBox(this);
    m_pull = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_pull->setDefault(true);
    m_cancel = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    connect(m_pull, &QPushButton::clicked, this, &PullDialog::startPull);
    connect(m_cancel, &QPushButton::clicked, this, &PullDialog::reject);
    connect(m_ref, &QLineEdit::textChanged, this,
            [this] { m_pull->setEnabled(!m_pulling && !m_ref->text().trimmed().isEmpty()); });
    connect(m_session, &client::HelperSession::pullProgress, this, &PullDialog::onProgress);

    auto* form = new QFormLayout;
    form->addRow(m_refLabel, m_ref);
    auto* v = new QVBoxLayout(this);
    v->addLayout(form);
    v->addWidget(m_status);
    v->addWidget(scroll, 1);
    v->addWidget(m_buttons);
    resize(fontMetrics().horizontalAdvance(QLatin1Char('m')) * 48, sizeHint().height());
    m_pull->setEnabled(false);
    setStatus(
        [this] { return tr("Each layer of the image gets a bar below while the helper downloads and unpacks it."); });
    retranslateUi();
}

void PullDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(e);
}

void PullDialog::retranslateUi()
{
    setWindowTitle(tr("Pull an image"));
    m_refLabel->setText(tr("&Image:"));
    m_ref->setPlaceholderText(tr("e.g. alpine:3.20 or 127.0.0.1:5000/app:1"));
    m_ref->setToolTip(tr("A name as docker takes it: busybox means docker.io/library/busybox:latest"));
    m_pull->setText(tr("&Pull"));
    m_cancel->setText(m_pulling ? tr("&Cancel pull") : tr("&Close"));
    if (m_statusText) m_status->setText(m_statusText());
    for (Row& r : m_layerRows) showRow(r);
}

void PullDialog::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText ? m_statusText() : QString());
}

QList<QProgressBar*> PullDialog::layerBars() const
{
    QList<QProgressBar*> out;
    for (const QString& l : m_order) out << m_layerRows.value(l).bar;
    return out;
}

QString PullDialog::statusText() const { return m_status->text(); }

void PullDialog::clearRows()
{
    for (const Row& r : std::as_const(m_layerRows)) {
        delete r.name;
        delete r.phase;
        delete r.bar;
    }
    m_layerRows.clear();
    m_order.clear();
}

void PullDialog::setPulling(bool on)
{
    m_pulling = on;
    m_ref->setReadOnly(on);
    m_pull->setEnabled(!on && !m_ref->text().trimmed().isEmpty());
    retranslateUi();
}

void PullDialog::startPull()
{
    const QString ref = m_ref->text().trimmed();
    if (ref.isEmpty() || m_pulling) return;
    clearRows();
    m_pullId = 0;
    m_cancelling = false;
    setPulling(true);
    m_pullRef = ref;
    setStatus([this, ref] { return tr("Pulling %1…").arg(ref); });
    m_status->setToolTip(QString());
    const quint64 gen = ++m_gen;
    m_session->pullImage(ref, QString(), QString(),
                         [this, gen, ref](const client::ImageInfo& image, const client::RpcError& e) {
                             if (gen != m_gen) return;
                             setPulling(false);
                             m_pullId = 0;
                             if (e.isError()) {
                                 if (m_cancelling)
                                     setStatus([this, ref] { return tr("Pull of %1 cancelled.").arg(ref); });
                                 else
                                     setStatus([this, ref, e] {
                                         return tr("Could not pull %1: %2").arg(ref, client::ErrorText::explain(e));
                                     });
                                 m_status->setToolTip(client::ErrorText::details(e));
                                 return;
                             }
                             setStatus([this, image] {
                                 return tr("Pulled %1 (%2).").arg(image.reference(), Units::bytes(double(image.size)));
                             });
                             m_status->setToolTip(image.id);
                             emit pulled(image);
                         });
}

void PullDialog::onProgress(const client::PullProgress& p)
{
    if (!m_pulling) return;
    if (p.phase == QLatin1String("started")) {
        if (m_pullId == 0) m_pullId = p.pull;  // this dialog's pull: the one it is waiting for
        return;
    }
    if (p.pull != m_pullId || m_pullId == 0) return;
    if (p.layer.isEmpty()) {
        if (p.phase == QLatin1String("resolving"))
            setStatus([this, m = p.message] { return tr("Resolving %1…").arg(m); });
        return;
    }
    if (m_layerRows.isEmpty()) setStatus([this, ref = m_pullRef] { return tr("Pulling %1…").arg(ref); });  // resolved
    if (!m_layerRows.contains(p.layer)) {
        Row r{new QLabel(p.layer, m_rowsHost), new QLabel(m_rowsHost), new QProgressBar(m_rowsHost), {}};
        r.name->setFont(QFont(QStringLiteral("monospace")));
        r.bar->setRange(0, 1000);
        r.bar->setValue(0);
        r.bar->setTextVisible(true);
        const int row = int(m_order.size());
        m_rows->addWidget(r.name, row, 0);
        m_rows->addWidget(r.phase, row, 1);
        m_rows->addWidget(r.bar, row, 2);
        m_rows->setRowStretch(row, 0);
        m_rows->setRowStretch(row + 1, 1);
        m_layerRows.insert(p.layer, r);
        m_order << p.layer;
    }
    Row& r = m_layerRows[p.layer];
    r.last = p;
    showRow(r);
}

void PullDialog::showRow(Row& r)
{
    const client::PullProgress& p = r.last;
    r.phase->setText(p.phaseText());
    r.bar->setToolTip(p.phaseText());
    const bool complete = p.phase == QLatin1String("done") || p.phase == QLatin1String("already_exists");
    if (complete) {
        r.bar->setValue(r.bar->maximum());
        r.bar->setFormat(QStringLiteral("%p%"));
    } else if (p.total > 0) {
        r.bar->setValue(int(std::min<qint64>(1000, p.current * 1000 / p.total)));
        r.bar->setFormat(tr("%1 of %2").arg(Units::bytes(double(p.current)), Units::bytes(double(p.total))));
    }
}

void PullDialog::reject()
{
    if (m_pulling) {
        if (m_pullId == 0 || m_cancelling) return;
        m_cancelling = true;
        setStatus([this] { return tr("Cancelling…"); });
        m_session->cancelPull(m_pullId, [this](const client::RpcError& e) {
            if (e.isError()) {
                m_cancelling = false;
                setStatus([e] { return client::ErrorText::explain(e); });
            }
        });
        return;
    }
    QDialog::reject();
}

}  // namespace gui
}  // namespace onggi
