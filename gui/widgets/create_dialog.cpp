#include "gui/widgets/create_dialog.h"
#include "client/create_options.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>

#include "client/error_text.h"
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace onggi::gui {

namespace {
constexpr qint64 MiB = 1024 * 1024;

const QRegularExpression& nameRe()
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$"));
    return re;
}
const QRegularExpression& hostRe()
{
    static const QRegularExpression re(QStringLiteral(
        "^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$"));
    return re;
}
const QRegularExpression& envRe()
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*=.*$"));
    return re;
}
const QRegularExpression& capRe()
{
    static const QRegularExpression re(QStringLiteral("^(CAP_)?[A-Za-z_]{2,32}$"));
    return re;
}

// Quotes must pair up for the command to split the way the user means (see splitCommand).
bool balancedQuotes(const QString& s)
{
    QChar open;
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == QLatin1Char('\\') && open != QLatin1Char('\'')) {
            ++i;
            continue;
        }
        if (open.isNull() && (c == QLatin1Char('"') || c == QLatin1Char('\''))) open = c;
        else if (c == open) open = QChar();
    }
    return open.isNull();
}

QStringList capList(const QString& text)
{
    QStringList out;
    for (QString c : text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts)) {
        c = c.toUpper();
        if (!c.startsWith(QLatin1String("CAP_")) && c != QLatin1String("ALL")) c.prepend(QLatin1String("CAP_"));
        out << c;
    }
    return out;
}

QStringList envLines(const QString& text)
{
    QStringList out;
    for (const QString& l : text.split(QLatin1Char('\n')))
        if (!l.trimmed().isEmpty()) out << l.trimmed();
    return out;
}

// One bind mount per line, as onggictl -v: /host/path:/container/path[:ro|:rw].
struct VolumeLine {
    QString source, target;
    bool readonly = false;
    bool ok = false;
};
VolumeLine parseVolume(const QString& line)
{
    VolumeLine v;
    QStringList parts = line.split(QLatin1Char(':'));
    if (parts.size() == 3 && (parts[2] == QLatin1String("ro") || parts[2] == QLatin1String("rw"))) {
        v.readonly = parts[2] == QLatin1String("ro");
        parts.removeLast();
    }
    if (parts.size() != 2) return v;
    v.source = parts[0];
    v.target = parts[1];
    v.ok = v.source.startsWith(QLatin1Char('/')) && v.target.startsWith(QLatin1Char('/')) &&
           !v.target.split(QLatin1Char('/')).contains(QLatin1String(".."));
    return v;
}

QSpinBox* mibBox(QWidget* parent, int max)
{
    auto* b = new QSpinBox(parent);
    b->setRange(0, max);
    b->setSingleStep(16);
    return b;
}
// A warning icon beside a word-wrapped label, for problems in the form.
QWidget* notice(QWidget* parent, QLabel*& text)
{
    auto* box = new QWidget(parent);
    auto* icon = new QLabel(box);
    const int px = box->style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(box->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(px, px));
    icon->setAlignment(Qt::AlignTop);
    text = new QLabel(box);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* l = new QHBoxLayout(box);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(icon, 0, Qt::AlignTop);
    l->addWidget(text, 1);
    return box;
}

}  // namespace

CreateDialog::CreateDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("createDialog"));
    m_tabs = new QTabWidget(this);

    auto* general = new QWidget(m_tabs);
    m_generalForm = new QFormLayout(general);
    m_image = new QComboBox(general);
    m_image->setEditable(true);
    m_image->addItem(QStringLiteral("busybox"));
    m_name = new QLineEdit(general);
    m_command = new QLineEdit(general);
    m_hostname = new QLineEdit(general);
    m_workdir = new QLineEdit(general);
    m_env = new QPlainTextEdit(general);
    m_env->setTabChangesFocus(true);
    m_env->setFixedHeight(80);
    m_volumes = new QPlainTextEdit(general);
    m_volumes->setTabChangesFocus(true);
    m_volumes->setFixedHeight(60);
    m_restart = new QComboBox(general);
    for (const char* r : {"no", "on-failure", "always"}) m_restart->addItem(QString(), QString::fromLatin1(r));
    m_start = new QCheckBox(general);
    m_start->setChecked(true);
    m_generalForm->addRow(new QLabel(this), m_image);
    m_generalForm->addRow(new QLabel(this), m_command);
    m_generalForm->addRow(new QLabel(this), m_name);
    m_generalForm->addRow(new QLabel(this), m_hostname);
    m_generalForm->addRow(new QLabel(this), m_workdir);
    m_generalForm->addRow(new QLabel(this), m_env);
    m_generalForm->addRow(new QLabel(this), m_volumes);
    m_generalForm->addRow(new QLabel(this), m_restart);
    m_generalForm->addRow(new QLabel(this), m_start);

    auto* limits = new QWidget(m_tabs);
    m_limitsForm = new QFormLayout(limits);
    m_cpus = new QDoubleSpinBox(limits);
    m_cpus->setRange(0, 1024);
    m_cpus->setDecimals(2);
    m_cpus->setSingleStep(0.25);
    m_weight = new QSpinBox(limits);
    m_weight->setRange(1, 10000);
    m_weight->setValue(100);
    m_memory = mibBox(limits, 1 << 20);
    m_memoryHigh = mibBox(limits, 1 << 20);
    m_swap = mibBox(limits, 1 << 21);
    m_pids = new QSpinBox(limits);
    m_pids->setRange(0, 1 << 22);
    m_limitsForm->addRow(new QLabel(this), m_cpus);
    m_limitsForm->addRow(new QLabel(this), m_weight);
    m_limitsForm->addRow(new QLabel(this), m_memory);
    m_limitsForm->addRow(new QLabel(this), m_memoryHigh);
    m_limitsForm->addRow(new QLabel(this), m_swap);
    m_limitsForm->addRow(new QLabel(this), m_pids);

    auto* ns = new QWidget(m_tabs);
    m_nsForm = new QFormLayout(ns);
    m_network = new QComboBox(ns);
    m_network->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_network->setMinimumContentsLength(24);
    m_ports = new QLineEdit(ns);
    m_ports->setPlaceholderText(QStringLiteral("8080:80 127.0.0.1:5353:53/udp"));
    m_publishAll = new QCheckBox(ns);
    m_nsPid = new QCheckBox(ns);
    m_nsIpc = new QCheckBox(ns);
    m_nsUts = new QCheckBox(ns);
    m_nsCgroup = new QCheckBox(ns);
    m_nsTime = new QCheckBox(ns);
    m_nsUser = new QCheckBox(ns);
    for (QCheckBox* c : {m_nsPid, m_nsIpc, m_nsUts, m_nsCgroup}) c->setChecked(true);
    m_nsForm->addRow(new QLabel(this), m_network);
    m_nsForm->addRow(new QLabel(this), m_ports);
    m_nsForm->addRow(m_publishAll);
    for (QCheckBox* c : {m_nsPid, m_nsIpc, m_nsUts, m_nsCgroup, m_nsTime, m_nsUser}) m_nsForm->addRow(c);

    auto* sec = new QWidget(m_tabs);
    m_secForm = new QFormLayout(sec);
    m_seccomp = new QComboBox(sec);
    for (const char* s : {"default", "unconfined"}) m_seccomp->addItem(QString(), QString::fromLatin1(s));
    m_capDrop = new QLineEdit(sec);
    m_capAdd = new QLineEdit(sec);
    m_readOnly = new QCheckBox(sec);
    m_privileged = new QCheckBox(sec);
    m_secForm->addRow(new QLabel(this), m_seccomp);
    m_secForm->addRow(new QLabel(this), m_capDrop);
    m_secForm->addRow(new QLabel(this), m_capAdd);
    m_secForm->addRow(m_readOnly);
    m_secForm->addRow(m_privileged);

    m_tabs->addTab(general, QString());
    m_tabs->addTab(limits, QString());
    m_tabs->addTab(ns, QString());
    m_tabs->addTab(sec, QString());

    // Problems show with the style's warning icon in the palette's text colour (a hard-coded
    // red is unreadable on some palettes).
    m_errorBox = notice(this, m_error);
    m_fieldNotice = notice(general, m_fieldNoticeText);
    m_fieldNotice->setObjectName(QStringLiteral("fieldRefusal"));
    m_fieldNotice->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_busy || !validationError().isEmpty()) return;
        clearRefusal();
        emit createRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* lay = new QVBoxLayout(this);
    lay->addWidget(m_tabs);
    lay->addWidget(m_errorBox);
    lay->addWidget(m_buttons);

    for (QLineEdit* e : {m_name, m_command, m_hostname, m_workdir, m_capAdd, m_capDrop})
        connect(e, &QLineEdit::textChanged, this, &CreateDialog::validate);
    connect(m_image, &QComboBox::currentTextChanged, this, &CreateDialog::validate);
    connect(m_env, &QPlainTextEdit::textChanged, this, &CreateDialog::validate);
    connect(m_volumes, &QPlainTextEdit::textChanged, this, &CreateDialog::validate);
    for (QSpinBox* b : {m_memory, m_memoryHigh, m_swap})
        connect(b, &QSpinBox::valueChanged, this, &CreateDialog::validate);
    connect(m_privileged, &QCheckBox::toggled, this, &CreateDialog::validate);
    connect(m_nsUser, &QCheckBox::toggled, this, &CreateDialog::validate);
    connect(m_ports, &QLineEdit::textChanged, this, &CreateDialog::validate);
    connect(m_publishAll, &QCheckBox::toggled, this, &CreateDialog::validate);
    connect(m_network, &QComboBox::currentIndexChanged, this, &CreateDialog::validate);
    connect(m_network, &QComboBox::activated, this, [this] { m_networkChosen = true; });
    retranslateUi();
    resize(560, 480);
}

void CreateDialog::setImages(const QStringList& images)
{
    const QString current = m_image->currentText();
    m_image->clear();
    QStringList all = images;
    if (!all.contains(QLatin1String("busybox"))) all.prepend(QStringLiteral("busybox"));
    m_image->addItems(all);
    m_image->setCurrentText(current.isEmpty() ? QStringLiteral("busybox") : current);
}

void CreateDialog::setNetworks(const QList<client::NetworkInfo>& networks)
{
    m_networks = networks;
    // The default network first, the others by name.
    std::stable_sort(m_networks.begin(), m_networks.end(),
                     [](const client::NetworkInfo& a, const client::NetworkInfo& b) {
                         return a.isDefault != b.isDefault ? a.isDefault : a.name < b.name;
                     });
    m_networksKnown = true;
    fillNetworks();
}

void CreateDialog::setHostNetworkAllowed(bool allowed)
{
    m_hostAllowed = allowed;
    fillNetworks();
}

void CreateDialog::fillNetworks()
{
    QString current = m_network->currentData().toString();
    const QString defaultName =
        !m_networks.isEmpty() && m_networks.first().isDefault ? m_networks.first().name : QString();
    if (current == QLatin1String("bridge") && m_networksKnown) current = defaultName;
    const QSignalBlocker block(m_network);
    m_network->clear();
    if (!m_networksKnown) {
        m_network->addItem(tr("bridge (the default network: an address, outbound NAT, published ports)"),
                           QStringLiteral("bridge"));
    } else {
        for (const client::NetworkInfo& n : m_networks) {
            //: A network in the create dialog: %1 its name, %2 its subnet (10.88.0.0/24)
            m_network->addItem(n.isDefault ? tr("%1 (default network, %2)").arg(n.name, n.subnet)
                                           : tr("%1 (network, %2)").arg(n.name, n.subnet),
                               n.name);
            m_network->setItemData(m_network->count() - 1,
                                   tr("Bridge %1, gateway %2: an address on %3, outbound NAT, published ports")
                                       .arg(n.bridge, n.gateway, n.subnet),
                                   Qt::ToolTipRole);
        }
    }
    m_network->addItem(tr("private (own network namespace, loopback only)"), QStringLiteral("private"));
    m_network->addItem(tr("none (own namespace, no interfaces up)"), QStringLiteral("none"));
    if (m_hostAllowed) m_network->addItem(tr("host (share the host's network)"), QStringLiteral("host"));
    int index = m_networkChosen ? m_network->findData(current) : -1;
    if (index < 0) {
        // Not chosen yet (or gone): the helper's default network, as docker's bridge; private
        // when the helper's default is no network.
        index = !m_networksKnown         ? 0
                : !defaultName.isEmpty() ? m_network->findData(defaultName)
                                         : m_network->findData(QStringLiteral("private"));
    }
    m_network->setCurrentIndex(index);
    validate();
}

void CreateDialog::setCgroupMode(const QString& mode)
{
    m_cgroupMode = mode;
    m_memoryHigh->setEnabled(mode == QLatin1String("v2"));
    if (mode != QLatin1String("v2")) m_memoryHigh->setValue(0);
}

void CreateDialog::setCgroupFiles(const client::CgroupFileNames& files)
{
    m_files = files;
    retranslateUi();
}

bool CreateDialog::startAfterCreate() const { return m_start->isChecked(); }

QString CreateDialog::validationError() const
{
    if (m_image->currentText().trimmed().isEmpty()) return tr("Choose an image, for example busybox.");
    const QString name = m_name->text().trimmed();
    if (!name.isEmpty() && !nameRe().match(name).hasMatch())
        return tr("The name may use letters, digits, '_', '.' and '-', must start with a letter or digit, and is at "
                  "most 64 characters long.");
    if (!balancedQuotes(m_command->text())) return tr("The command has an unclosed quote.");
    const QString host = m_hostname->text().trimmed();
    if (!host.isEmpty() && (host.size() > 253 || !hostRe().match(host).hasMatch()))
        return tr(
            "The hostname must be letters, digits and '-', in labels of at most 63 characters separated by dots.");
    const QString wd = m_workdir->text().trimmed();
    if (!wd.isEmpty() && !wd.startsWith(QLatin1Char('/'))) return tr("The working directory must be an absolute path.");
    const QStringList env = envLines(m_env->toPlainText());
    for (int i = 0; i < env.size(); ++i)
        if (!envRe().match(env[i]).hasMatch())
            return tr("Environment line %1 is not NAME=value: %2").arg(i + 1).arg(env[i].left(40));
    const QStringList vols = envLines(m_volumes->toPlainText());
    for (int i = 0; i < vols.size(); ++i)
        if (!parseVolume(vols[i]).ok)
            return tr("Volume line %1 is not /host/path:/container/path, optionally followed by :ro: %2")
                .arg(i + 1)
                .arg(vols[i].left(60));
    if (m_memory->value() > 0 && m_memory->value() < 6)
        return tr("A memory limit below 6 MiB leaves too little for the container to start.");
    if (m_memoryHigh->value() > 0 && m_memory->value() > 0 && m_memoryHigh->value() > m_memory->value())
        return tr("Memory high must not be above the memory limit.");
    if (m_swap->value() > 0 && (m_memory->value() == 0 || m_swap->value() < m_memory->value()))
        return tr("Memory + swap needs a memory limit and must be at least as large as it.");
    for (const QString& c : capList(m_capAdd->text() + QLatin1Char(' ') + m_capDrop->text()))
        if (c != QLatin1String("ALL") && !capRe().match(c).hasMatch()) return tr("Unknown capability name: %1").arg(c);
    const QStringList ports = m_ports->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
    for (const QString& p : ports) {
        client::PortSpec::Problem problem = client::PortSpec::Problem::none;
        if (!client::PortSpec::parse(p, &problem)) {
            switch (problem) {
            case client::PortSpec::Problem::range:
                return tr("Port %1: a port is a number from 1 to 65535.").arg(p.left(40));
            case client::PortSpec::Problem::protocol: return tr("Port %1: the protocol is tcp or udp.").arg(p.left(40));
            case client::PortSpec::Problem::address:
                return tr("Port %1: the host address is not an IPv4 address.").arg(p.left(40));
            default: return tr("Port %1 is not [address:][host port:]container port[/tcp|/udp].").arg(p.left(40));
            }
        }
    }
    const QString network = m_network->currentData().toString();
    if ((!ports.isEmpty() || m_publishAll->isChecked()) &&
        (network == QLatin1String("private") || network == QLatin1String("none") || network == QLatin1String("host")))
        return tr("Publishing ports needs a network (Network above), not private, none or host.");
    if (m_privileged->isChecked() && m_nsUser->isChecked())
        return tr("A privileged container cannot also use a user namespace here; choose one.");
    return {};
}

void CreateDialog::validate()
{
    if ((m_refusedField || !m_refusal.isEmpty()) && params() != m_refusedParams) clearRefusal();
    const QString err = validationError();
    const QString shown = err.isEmpty() ? m_refusal : err;
    m_error->setText(shown);
    m_errorBox->setVisible(!shown.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(err.isEmpty() && !m_busy);
}

void CreateDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && validationError().isEmpty());
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

QString CreateDialog::refusalText() const { return m_refusedField ? m_fieldNoticeText->text() : m_refusal; }

void CreateDialog::clearRefusal()
{
    m_refusal.clear();
    m_refusedParams = {};
    if (m_refusedField) {
        for (QFormLayout* f : {m_generalForm, m_limitsForm, m_nsForm, m_secForm}) {
            int row = -1;
            QFormLayout::ItemRole role;
            f->getWidgetPosition(m_fieldNotice, &row, &role);
            if (row >= 0) {
                f->takeRow(row);
                break;
            }
        }
        m_fieldNotice->hide();
        m_refusedField = nullptr;
    }
}

void CreateDialog::showRefusal(const client::RpcError& e)
{
    setBusy(false);
    clearRefusal();
    m_refusedParams = params();
    // The field the helper names: "name in use: web" (already_exists) is the name; an
    // invalid_argument message starts with the field's path ("limits.memory: ...").
    QWidget* field = nullptr;
    QString text;
    if (e.errc == QLatin1String("already_exists")) {
        field = m_name;
        const QString name = m_name->text().trimmed();
        text = tr("Another container is already called \"%1\". Choose another name, or leave it empty for a "
                  "generated one.")
                   .arg(name);
    } else if (e.errc == QLatin1String("not_found") && e.message.startsWith(QLatin1String("no such image"))) {
        field = m_image;
        text = tr("There is no image called \"%1\". Choose one from the list.").arg(m_image->currentText().trimmed());
    } else if (e.errc == QLatin1String("invalid_argument") || e.errc == QLatin1String("permission_denied") ||
               e.errc == QLatin1String("unsupported")) {
        static const std::pair<const char*, int> fields[] = {{"limits.memory_high", 0},
                                                             {"limits.memory_swap", 1},
                                                             {"limits.memory", 2},
                                                             {"limits.cpus", 3},
                                                             {"limits.cpu_weight", 4},
                                                             {"limits.pids", 5},
                                                             {"name", 6},
                                                             {"image", 7},
                                                             {"cmd", 8},
                                                             {"hostname", 9},
                                                             {"workdir", 10},
                                                             {"env", 11},
                                                             {"volumes", 12},
                                                             {"security.cap_add", 13},
                                                             {"security.cap_drop", 14},
                                                             {"user", 15}};
        QWidget* const editors[] = {m_memoryHigh, m_swap,   m_memory,  m_cpus,     m_weight,  m_pids,
                                    m_name,       m_image,  m_command, m_hostname, m_workdir, m_env,
                                    m_volumes,    m_capAdd, m_capDrop, nullptr};
        for (const auto& [path, i] : fields)
            if (e.message.startsWith(QLatin1String(path)) &&
                (e.message.size() == int(qstrlen(path)) || !e.message.at(int(qstrlen(path))).isLetter())) {
                field = editors[i];
                break;
            }
    }
    if (text.isEmpty()) {
        // In the user's language: what kind of refusal and what to do. The helper's English
        // context (which field, which limit) stays in the notice's tooltip, as details.
        text = client::ErrorText::title(e.errc);
        if (text.isEmpty()) text = client::ErrorText::describe(e);
        const QString hint = client::ErrorText::hint(e);
        if (!hint.isEmpty()) text += QLatin1Char('\n') + hint;
    }
    const QString details = e.message.isEmpty() ? QString() : tr("Details from the service: %1").arg(e.message);
    m_fieldNoticeText->setToolTip(details);
    m_error->setToolTip(details);
    if (field) {
        for (QFormLayout* f : {m_generalForm, m_limitsForm, m_nsForm, m_secForm}) {
            int row = -1;
            QFormLayout::ItemRole role;
            f->getWidgetPosition(field, &row, &role);
            if (row < 0) continue;
            m_fieldNotice->setParent(f->parentWidget());
            f->insertRow(row + 1, QString(), m_fieldNotice);
            m_tabs->setCurrentWidget(f->parentWidget());
            break;
        }
        m_fieldNoticeText->setText(text);
        m_fieldNotice->show();
        m_refusedField = field;
        field->setFocus();
        if (auto* le = qobject_cast<QLineEdit*>(field)) le->selectAll();
    } else {
        m_refusal = text;
    }
    validate();
}

QStringList CreateDialog::splitCommand(const QString& text)
{
    // POSIX shell words: blanks separate; '...' is literal; "..." keeps blanks and honours \" \\ \$ \`;
    // a backslash outside quotes escapes the next character. (QProcess::splitCommand knows no '...'.)
    QStringList out;
    QString cur;
    bool inWord = false;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quote == QLatin1Char('\'')) {
            if (c == QLatin1Char('\'')) quote = QChar();
            else cur += c;
        } else if (quote == QLatin1Char('"')) {
            if (c == QLatin1Char('"')) quote = QChar();
            else if (c == QLatin1Char('\\') && i + 1 < text.size() && QStringLiteral("\"\\$`").contains(text[i + 1]))
                cur += text[++i];
            else cur += c;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (c == QLatin1Char('\\') && i + 1 < text.size()) {
            cur += text[++i];
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord) out << cur;
            cur.clear();
            inWord = false;
        } else {
            cur += c;
            inWord = true;
        }
    }
    if (inWord) out << cur;
    return out;
}

QJsonObject CreateDialog::params() const
{
    QJsonObject p;
    p[QLatin1String("image")] = m_image->currentText().trimmed();
    if (!m_name->text().trimmed().isEmpty()) p[QLatin1String("name")] = m_name->text().trimmed();
    const QStringList cmd = splitCommand(m_command->text());
    if (!cmd.isEmpty()) p[QLatin1String("cmd")] = QJsonArray::fromStringList(cmd);
    if (!m_hostname->text().trimmed().isEmpty()) p[QLatin1String("hostname")] = m_hostname->text().trimmed();
    if (!m_workdir->text().trimmed().isEmpty()) p[QLatin1String("workdir")] = m_workdir->text().trimmed();
    const QStringList env = envLines(m_env->toPlainText());
    if (!env.isEmpty()) p[QLatin1String("env")] = QJsonArray::fromStringList(env);
    p[QLatin1String("restart")] = m_restart->currentData().toString();
    QJsonArray volumes;
    for (const QString& l : envLines(m_volumes->toPlainText())) {
        const VolumeLine v = parseVolume(l);
        if (!v.ok) continue;
        QJsonObject o{{QLatin1String("source"), v.source}, {QLatin1String("target"), v.target}};
        if (v.readonly) o[QLatin1String("readonly")] = true;
        volumes.append(o);
    }
    if (!volumes.isEmpty()) p[QLatin1String("volumes")] = volumes;

    QJsonObject limits;
    if (m_cpus->value() > 0) limits[QLatin1String("cpus")] = m_cpus->value();
    if (m_weight->value() != 100) limits[QLatin1String("cpu_weight")] = m_weight->value();
    if (m_memory->value() > 0) limits[QLatin1String("memory")] = qint64(m_memory->value()) * MiB;
    if (m_memoryHigh->value() > 0) limits[QLatin1String("memory_high")] = qint64(m_memoryHigh->value()) * MiB;
    if (m_swap->value() > 0) limits[QLatin1String("memory_swap")] = qint64(m_swap->value()) * MiB;
    if (m_pids->value() > 0) limits[QLatin1String("pids")] = m_pids->value();
    if (!limits.isEmpty()) p[QLatin1String("limits")] = limits;

    {
        QJsonArray ports;
        for (const QString& t :
             m_ports->text().split(QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts)) {
            client::PortSpec::Problem problem;
            auto spec = client::PortSpec::parse(t, &problem);
            if (!spec) continue;
            QJsonObject po{{QLatin1String("container_port"), spec->containerPort},
                           {QLatin1String("protocol"), spec->protocol}};
            if (spec->hostPort) po.insert(QLatin1String("host_port"), spec->hostPort);
            if (!spec->hostIp.isEmpty()) po.insert(QLatin1String("host_ip"), spec->hostIp);
            ports.append(po);
        }
        if (!ports.isEmpty()) p[QLatin1String("ports")] = ports;
    }
    if (m_publishAll->isChecked()) p[QLatin1String("publish_all")] = true;
    p[QLatin1String("namespaces")] = QJsonObject{{QLatin1String("network"), m_network->currentData().toString()},
                                                 {QLatin1String("pid"), m_nsPid->isChecked()},
                                                 {QLatin1String("ipc"), m_nsIpc->isChecked()},
                                                 {QLatin1String("uts"), m_nsUts->isChecked()},
                                                 {QLatin1String("cgroup"), m_nsCgroup->isChecked()},
                                                 {QLatin1String("time"), m_nsTime->isChecked()}};
    // The user namespace travels as security.userns (the helper refuses namespaces.user).
    p[QLatin1String("security")] =
        QJsonObject{{QLatin1String("seccomp"), m_seccomp->currentData().toString()},
                    {QLatin1String("cap_add"), QJsonArray::fromStringList(capList(m_capAdd->text()))},
                    {QLatin1String("cap_drop"), QJsonArray::fromStringList(capList(m_capDrop->text()))},
                    {QLatin1String("read_only"), m_readOnly->isChecked()},
                    {QLatin1String("privileged"), m_privileged->isChecked()},
                    {QLatin1String("userns"), m_nsUser->isChecked()}};
    return p;
}

void CreateDialog::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) retranslateUi();
    QDialog::changeEvent(e);
}

void CreateDialog::retranslateUi()
{
    setWindowTitle(tr("New container"));
    m_tabs->setTabText(0, tr("General"));
    m_tabs->setTabText(1, tr("Limits"));
    m_tabs->setTabText(2, tr("Namespaces"));
    m_tabs->setTabText(3, tr("Security"));
    auto label = [](QFormLayout* f, QWidget* w, const QString& text) {
        if (auto* l = qobject_cast<QLabel*>(f->labelForField(w))) {
            l->setText(text);
            l->setBuddy(w);
        }
    };
    //: the container image (its root filesystem), e.g. busybox
    label(m_generalForm, m_image, tr("&Image:"));
    label(m_generalForm, m_command, tr("&Command:"));
    label(m_generalForm, m_name, tr("&Name:"));
    label(m_generalForm, m_hostname, tr("&Hostname:"));
    label(m_generalForm, m_workdir, tr("&Working directory:"));
    label(m_generalForm, m_env, tr("&Environment:"));
    label(m_generalForm, m_volumes, tr("&Volumes:"));
    label(m_generalForm, m_restart, tr("&Restart:"));
    label(m_generalForm, m_start, QString());
    m_command->setPlaceholderText(tr("the image's default, e.g. sh -c 'while true; do date; sleep 1; done'"));
    m_name->setPlaceholderText(tr("generated when empty"));
    m_hostname->setPlaceholderText(tr("the container's name"));
    m_workdir->setPlaceholderText(QStringLiteral("/"));
    m_env->setPlaceholderText(tr("one NAME=value per line"));
    m_volumes->setPlaceholderText(tr("one /host/path:/container/path[:ro] per line"));
    m_restart->setItemText(0, tr("never"));
    m_restart->setItemText(1, tr("when it fails"));
    m_restart->setItemText(2, tr("always"));
    m_start->setText(tr("&Start the container after creating it"));
    m_image->setToolTip(tr("The image provides the container's root filesystem as read-only layers; the container "
                           "writes to its own upper layer on top (overlay filesystem)."));
    m_hostname->setToolTip(tr("The name the container sees in its own UTS namespace (uname -n)."));

    const QString unlimited = tr("unlimited");
    label(m_limitsForm, m_cpus, tr("CP&U (cores):"));
    label(m_limitsForm, m_weight, tr("CPU &weight:"));
    label(m_limitsForm, m_memory, tr("&Memory:"));
    label(m_limitsForm, m_memoryHigh, tr("Memory &high:"));
    label(m_limitsForm, m_swap, tr("Memory + sw&ap:"));
    label(m_limitsForm, m_pids, tr("&Processes:"));
    for (QSpinBox* b : {m_memory, m_memoryHigh, m_swap}) {
        b->setSuffix(tr(" MiB"));
        b->setSpecialValueText(unlimited);
    }
    m_cpus->setSpecialValueText(unlimited);
    m_pids->setSpecialValueText(unlimited);
    // The kernel's file names come from the helper (hello's cgroup_files); "…" until it has said.
    const QString unknown = QStringLiteral("…");
    auto v1 = [&](const char* knob) { return m_files.v1(QLatin1String(knob), unknown); };
    auto v2 = [&](const char* knob) { return m_files.v2(QLatin1String(knob), unknown); };
    m_cpus->setToolTip(tr("CPU time per 100 ms period (cgroup v1 %1, v2 %2).").arg(v1("cpu_quota"), v2("cpu_quota")));
    m_weight->setToolTip(
        tr("Relative share under contention (cgroup v1 %1, v2 %2).").arg(v1("cpu_weight"), v2("cpu_weight")));
    m_memory->setToolTip(tr("Hard limit; the OOM killer acts above it (cgroup v1 %1, v2 %2).")
                             .arg(v1("memory_limit"), v2("memory_limit")));
    m_memoryHigh->setToolTip(m_cgroupMode == QLatin1String("v2")
                                 ? tr("Throttling threshold (cgroup v2 %1).").arg(v2("memory_high"))
                                 : tr("Needs the cgroup v2 memory controller; this host's is on cgroup v1."));
    m_swap->setToolTip(
        tr("Memory plus swap (cgroup v1 %1, v2 %2).").arg(v1("memory_swap_limit"), v2("memory_swap_limit")));
    m_pids->setToolTip(tr("Most processes and threads (%1).").arg(v2("pids_limit")));

    label(m_nsForm, m_network, tr("Ne&twork:"));
    fillNetworks();
    label(m_nsForm, m_ports, tr("Publish p&orts:"));
    m_ports->setToolTip(
        tr("Host ports that lead to the container, e.g. 8080:80 for the container's port 80 on the host's "
           "port 8080; several separated by spaces"));
    m_publishAll->setText(tr("Publish every port the image e&xposes, each on a free host port"));
    m_publishAll->setToolTip(tr(
        "As onggictl run -P: the ports the image's EXPOSE names; the container's page shows the host ports they got"));
    m_nsPid->setText(tr("&PID namespace: the container's first process is PID 1 and sees only its own processes"));
    m_nsIpc->setText(tr("&IPC namespace: own System V IPC and POSIX message queues"));
    m_nsUts->setText(tr("&UTS namespace: own hostname"));
    m_nsCgroup->setText(tr("&Cgroup namespace: /proc/self/cgroup shows the container's cgroup as the root"));
    m_nsTime->setText(tr("Ti&me namespace: own monotonic and boot clocks"));
    m_nsUser->setText(tr("U&ser namespace: root inside is an unprivileged user outside"));

    label(m_secForm, m_seccomp, tr("&Seccomp:"));
    m_seccomp->setItemText(0, tr("default profile (blocks dangerous system calls)"));
    m_seccomp->setItemText(1, tr("unconfined (no system call filter)"));
    label(m_secForm, m_capDrop, tr("&Drop capabilities:"));
    label(m_secForm, m_capAdd, tr("&Add capabilities:"));
    m_capDrop->setPlaceholderText(tr("e.g. NET_RAW, SYS_CHROOT"));
    m_capAdd->setPlaceholderText(tr("e.g. NET_ADMIN"));
    m_readOnly->setText(tr("&Read-only root filesystem"));
    m_privileged->setText(tr("&Privileged (all capabilities, no seccomp: unsafe)"));
    validate();
}

}  // namespace onggi::gui
