#include "gui/widgets/helper_absent_page.h"

#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace onggi::gui {

HelperAbsentPage::HelperAbsentPage(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("helperAbsentPage"));
    m_icon = new QLabel(this);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.5);
    f.setBold(true);
    m_title->setFont(f);
    m_title->setWordWrap(true);
    m_body = new QLabel(this);
    m_body->setWordWrap(true);
    m_body->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_commands = new QLabel(this);
    m_commands->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The commands in a framed box of the palette's own colours (a fixed beige box is
    // unreadable in a dark palette) and the system's fixed-width font.
    m_commands->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_commands->setFrameShape(QFrame::StyledPanel);
    m_commands->setBackgroundRole(QPalette::AlternateBase);
    m_commands->setForegroundRole(QPalette::Text);
    m_commands->setAutoFillBackground(true);
    m_commands->setMargin(10);
    m_retry = new QPushButton(this);
    connect(m_retry, &QPushButton::clicked, this, &HelperAbsentPage::retryRequested);

    auto* lay = new QVBoxLayout(this);
    lay->addStretch();
    lay->addWidget(m_icon, 0, Qt::AlignLeft);
    lay->addWidget(m_title);
    lay->addWidget(m_body);
    lay->addWidget(m_commands);
    lay->addWidget(m_retry, 0, Qt::AlignLeft);
    lay->addStretch(2);
    lay->setContentsMargins(48, 24, 48, 24);
    retranslateUi();
}

void HelperAbsentPage::setReason(Reason reason, const QString& socketPath, const QString& detail)
{
    m_reason = reason;
    m_socket = socketPath;
    m_detail = detail;
    retranslateUi();
}

QString HelperAbsentPage::text() const
{
    return m_title->text() + QLatin1Char('\n') + m_body->text() + QLatin1Char('\n') + m_commands->text();
}

void HelperAbsentPage::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(e);
}

void HelperAbsentPage::retranslateUi()
{
    m_retry->setText(tr("&Try again"));
    const auto icon = m_reason == PermissionDenied ? QStyle::SP_MessageBoxCritical
                      : m_reason == Connecting     ? QStyle::SP_MessageBoxInformation
                                                   : QStyle::SP_MessageBoxWarning;
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(64, 64));
    QString commands;
    switch (m_reason) {
    case Connecting:
        m_title->setText(tr("Connecting to the Onggi service…"));
        m_body->setText(tr("Onggi talks to onggi-helper, a small service that runs as root and creates containers on "
                           "its behalf, through %1.")
                            .arg(m_socket));
        break;
    case NotRunning:
        m_title->setText(tr("The Onggi service is not running"));
        m_body->setText(tr("Nothing answers at %1. Containers need root to create namespaces and control groups, so "
                           "Onggi leaves that to onggi-helper, a system service. Start it, and this window connects "
                           "by itself.")
                            .arg(m_socket));
        commands =
            tr("sudo systemctl start onggi-helper\n# start it at every boot:\nsudo systemctl enable onggi-helper");
        break;
    case PermissionDenied:
        m_title->setText(tr("You are not allowed to use the Onggi service"));
        m_body->setText(tr("onggi-helper accepts root and the members of the group \"onggi\" only, because whoever "
                           "controls containers can act as root on this machine. Join the group, then log out and in "
                           "again so that your session has the new group."));
        commands = tr("sudo usermod -aG onggi $USER\n# then log out and log in again (or run: newgrp onggi)");
        break;
    case Incompatible:
        m_title->setText(tr("The Onggi service speaks another protocol version"));
        m_body->setText(tr("This app and onggi-helper come from different versions. Install matching versions and "
                           "restart the service."));
        commands = tr("sudo systemctl restart onggi-helper");
        break;
    case Lost:
        m_title->setText(tr("The connection to the Onggi service was lost"));
        m_body->setText(tr("onggi-helper stopped or restarted. Your containers keep running: each has its own "
                           "supervisor. Onggi reconnects as soon as the service is back."));
        commands = tr("sudo systemctl status onggi-helper");
        break;
    }
    if (!m_detail.isEmpty()) m_body->setText(m_body->text() + QLatin1String("\n\n") + tr("Details: %1").arg(m_detail));
    m_commands->setText(commands);
    m_commands->setVisible(!commands.isEmpty());
}

}  // namespace onggi::gui
