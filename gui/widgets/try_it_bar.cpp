#include "gui/widgets/try_it_bar.h"

#include "client/error_text.h"
#include "client/helper_client.h"
#include "client/rpc_reply.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace onggi::gui {

namespace {
QString unescape(QString s)
{
    s.replace(QLatin1String("&lt;"), QLatin1String("<")).replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&quot;"), QLatin1String("\"")).replace(QLatin1String("&#39;"), QLatin1String("'"));
    return s.replace(QLatin1String("&amp;"), QLatin1String("&"));
}
}  // namespace

QStringList TryItBar::splitWords(const QString& s)
{
    QStringList out;
    QString cur;
    bool in = false;
    QChar quote;
    for (QChar c : s) {
        if (!quote.isNull()) {
            if (c == quote) quote = QChar();
            else cur += c;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            in = true;
        } else if (c.isSpace()) {
            if (in) out << cur;
            cur.clear();
            in = false;
        } else {
            cur += c;
            in = true;
        }
    }
    if (!quote.isNull()) return {};
    if (in) out << cur;
    return out;
}

QList<TryItBar::Step> TryItBar::parse(const QString& html)
{
    QList<Step> out;
    static const QRegularExpression re(QStringLiteral("<code>onggictl (exec|pause|unpause|inspect) NAME(.*?)</code>"));
    for (auto it = re.globalMatch(html); it.hasNext();) {
        const auto m = it.next();
        Step s;
        s.verb = m.captured(1);
        const QString rest = unescape(m.captured(2)).trimmed();
        s.text = (s.verb + QStringLiteral(" NAME ") + rest).trimmed();
        if (s.verb == QLatin1String("exec")) {
            s.command = rest;
            s.argv = splitWords(rest);
            // Never ends by itself (a loop, something left in the background): a terminal's job.
            s.runnable =
                !s.argv.isEmpty() && !rest.contains(QLatin1Char('&')) && !rest.contains(QLatin1String("while :"));
        } else {
            s.runnable = rest.isEmpty();
        }
        out << s;
    }
    return out;
}

TryItBar::TryItBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("tryItBar"));
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_row = new QHBoxLayout;
    m_out = new QPlainTextEdit(this);
    m_out->setObjectName(QStringLiteral("tryItOutput"));
    m_out->setReadOnly(true);
    m_out->setMaximumHeight(120);
    m_out->setFont(QFont(QStringLiteral("monospace")));
    m_out->hide();
    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 4, 0, 0);
    lay->addWidget(m_title);
    lay->addLayout(m_row);
    lay->addWidget(m_out);
    rebuild();
}

void TryItBar::setLesson(const QString& html)
{
    const QList<Step> steps = parse(html);
    QStringList before, after;
    for (const Step& s : m_steps) before << s.text;
    for (const Step& s : steps) after << s.text;
    m_steps = steps;
    if (before != after) {  // another lesson (the same one in another language keeps its output)
        m_out->clear();
        m_out->hide();
    }
    rebuild();
}

void TryItBar::setContainer(const QString& id, const QString& name, const QString& state)
{
    const bool changed = id != m_id;
    m_id = id;
    m_name = name;
    m_state = state;
    if (changed) {
        m_out->clear();
        m_out->hide();
    }
    rebuild();
}

QString TryItBar::output() const { return m_out->toPlainText(); }

void TryItBar::show(const QString& text)
{
    m_out->setPlainText(text);
    m_out->show();
}

void TryItBar::rebuild()
{
    for (QPushButton* b : m_buttons) {  // gone from the layout now, deleted once idle
        b->hide();
        b->setObjectName(QString());
        m_row->removeWidget(b);
        b->deleteLater();
    }
    m_buttons.clear();
    int runnable = 0;
    for (int i = 0; i < m_steps.size(); ++i) {
        const Step& s = m_steps[i];
        if (!s.runnable) continue;
        ++runnable;
        QString label = s.text;
        label.replace(QLatin1String("NAME"), m_name.isEmpty() ? tr("(container)") : m_name);
        auto* b = new QPushButton(
            tr("Run: %1").arg(s.verb == QLatin1String("exec") ? s.command : QStringLiteral("onggictl ") + label), this);
        b->setObjectName(QStringLiteral("tryIt%1").arg(i));
        b->setToolTip(tr("Runs onggictl %1 as you, in your own container").arg(label));
        b->setEnabled(!m_id.isEmpty() && !m_busy);
        connect(b, &QPushButton::clicked, this, [this, i] { run(i); });
        m_row->addWidget(b);
        b->show();  // now, not once the event loop shows it
        m_buttons << b;
    }
    if (runnable == 0) m_title->setText(QString());
    else if (m_id.isEmpty()) m_title->setText(tr("Try it here: select one of your containers first."));
    else m_title->setText(tr("Try it here, in \"%1\":").arg(m_name));
    m_title->setVisible(runnable > 0);
}

void TryItBar::run(int i)
{
    if (i < 0 || i >= m_steps.size() || !m_steps[i].runnable || m_id.isEmpty() || !m_client ||
        !m_client->isConnected() || m_busy)
        return;
    const Step s = m_steps[i];
    QString method;
    QJsonObject params{{QStringLiteral("id"), m_id}};
    if (s.verb == QLatin1String("exec")) {
        method = QStringLiteral("container.exec");
        params.insert(QStringLiteral("cmd"), QJsonArray::fromStringList(s.argv));
    } else if (s.verb == QLatin1String("pause")) {
        method = QStringLiteral("container.pause");
    } else if (s.verb == QLatin1String("unpause")) {
        method = QStringLiteral("container.resume");
    } else {
        method = QStringLiteral("container.inspect");
    }
    QString shown = s.text;
    shown.replace(QLatin1String("NAME"), m_name);
    m_busy = true;
    for (QPushButton* b : m_buttons) b->setEnabled(false);
    show(QStringLiteral("$ onggictl %1\n%2").arg(shown, tr("(running…)")));
    client::RpcReply* r = m_client->call(method, params, false, this);
    connect(r, &client::RpcReply::finished, this, [this, r, i, shown, s] {
        r->deleteLater();
        m_busy = false;
        QString text = QStringLiteral("$ onggictl %1\n").arg(shown);
        if (r->isError()) {
            text += tr("Refused: %1").arg(client::ErrorText::describe(r->error()));
        } else if (s.verb == QLatin1String("exec")) {
            const QJsonObject o = r->result();
            text += o.value(QLatin1String("stdout")).toString() + o.value(QLatin1String("stderr")).toString();
            if (!text.endsWith(QLatin1Char('\n'))) text += QLatin1Char('\n');
            const int code = o.value(QLatin1String("exit_code")).toInt();
            text += code == 0 ? tr("(exit code 0: it worked)") : tr("(exit code %1: it failed)").arg(code);
        } else if (s.verb == QLatin1String("inspect")) {
            text += QString::fromUtf8(QJsonDocument(r->result()).toJson(QJsonDocument::Indented)).left(20000);
        } else {
            text += tr("Done.");
        }
        show(text);
        rebuild();
        emit finished(i);
    });
}

void TryItBar::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(e);
}

}  // namespace onggi::gui
