#include "gui/widgets/learn_panel.h"

#include "client/error_text.h"
#include "client/helper_session.h"
#include "gui/widgets/lesson_live.h"
#include "gui/widgets/try_it_bar.h"
#include "gui/widgets/weight_split_demo.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace onggi::gui {

namespace {
constexpr int kRefreshMs = 1000;

QString readResource(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString titleOf(const QString& html)
{
    static const QRegularExpression re(QStringLiteral("<title>(.*?)</title>"),
                                       QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(html);
    if (!m.hasMatch()) return {};
    QString t = m.captured(1).trimmed();
    t.replace(QLatin1String("&amp;"), QLatin1String("&"))
        .replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"));
    return t;
}
}  // namespace

LearnPanel::LearnPanel(QWidget* parent) : QWidget(parent)
{
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("lessonList"));
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(2);
    m_lesson = new QTextBrowser(this);
    m_lesson->setObjectName(QStringLiteral("lessonText"));
    m_lesson->setOpenExternalLinks(false);
    m_liveTitle = new QLabel(this);
    m_liveTitle->setWordWrap(true);
    m_live = new QTextBrowser(this);
    m_live->setObjectName(QStringLiteral("lessonLive"));

    auto* liveBox = new QWidget(this);
    auto* liveLay = new QVBoxLayout(liveBox);
    liveLay->setContentsMargins(0, 0, 0, 0);
    liveLay->addWidget(m_liveTitle);
    liveLay->addWidget(m_live, 1);
    m_cpuDemo = new WeightSplitDemo(liveBox);
    m_cpuDemo->hide();
    liveLay->addWidget(m_cpuDemo, 1);

    // The lesson text with its "try it" buttons below.
    auto* lessonBox = new QWidget(this);
    auto* lessonLay = new QVBoxLayout(lessonBox);
    lessonLay->setContentsMargins(0, 0, 0, 0);
    lessonLay->addWidget(m_lesson, 1);
    m_tryIt = new TryItBar(lessonBox);
    lessonLay->addWidget(m_tryIt);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_list);
    split->addWidget(lessonBox);
    split->addWidget(liveBox);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 3);
    split->setSizes({250, 480, 520});

    auto* lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addWidget(split);

    m_timer = new QTimer(this);
    m_timer->setInterval(kRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &LearnPanel::refresh);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showLesson();
        renderLive();
    });
    loadLessonList();
    m_list->setCurrentRow(0);
    renderLive();
}

QStringList LearnPanel::lessonIds()
{
    QStringList ids;
    const QStringList files =
        QDir(QStringLiteral(":/lessons/en")).entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name);
    for (const QString& f : files) ids << f.section(QLatin1Char('.'), 0, 0);
    return ids;  // "01-kernel", ...
}

QString LearnPanel::lessonPath(const QString& lang, const QString& id)
{
    return QStringLiteral(":/lessons/%1/%2.html").arg(lang, id);
}

QString LearnPanel::language() const
{
    //: The folder of lessons (resources/lessons/<code>/) to show with this translation: "ko" or "en".
    const QString lang = tr("en", "lesson language code");
    return QFile::exists(lessonPath(lang, lessonIds().value(0))) ? lang : QStringLiteral("en");
}

void LearnPanel::loadLessonList()
{
    const int row = m_list->currentRow();
    const QString lang = language();
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const QString& id : lessonIds()) {
        QString path = lessonPath(lang, id);
        if (!QFile::exists(path)) path = lessonPath(QStringLiteral("en"), id);
        auto* item = new QListWidgetItem(titleOf(readResource(path)), m_list);
        item->setData(Qt::UserRole, id);
    }
    if (row >= 0 && row < m_list->count()) m_list->setCurrentRow(row);
}

int LearnPanel::lessonCount() const { return m_list->count(); }
int LearnPanel::currentLesson() const { return m_list->currentRow(); }
void LearnPanel::setCurrentLesson(int index) { m_list->setCurrentRow(index); }
QString LearnPanel::lessonHtml() const { return m_lesson->toHtml(); }
QString LearnPanel::liveHtml() const { return m_live->toHtml(); }
bool LearnPanel::isPolling() const { return m_timer->isActive(); }

void LearnPanel::showLesson()
{
    const QListWidgetItem* item = m_list->currentItem();
    if (!item) return;
    const QString id = item->data(Qt::UserRole).toString();
    QString path = lessonPath(language(), id);
    if (!QFile::exists(path)) path = lessonPath(QStringLiteral("en"), id);
    QString html = readResource(path);
    m_tryIt->setLesson(html);
    // The try-it commands name the learner's container.
    if (!m_name.isEmpty()) html.replace(QLatin1String("NAME"), m_name.toHtmlEscaped());
    m_lesson->setHtml(html);
}

void LearnPanel::setSession(client::HelperSession* session)
{
    m_session = session;
    // The try-it buttons and the CPU demo make requests the session does not type yet.
    m_tryIt->setClient(session ? session->client() : nullptr);
    m_cpuDemo->setClient(session ? session->client() : nullptr);
    updatePolling();
}

void LearnPanel::setContainer(const client::ContainerSummary& c)
{
    const bool changed = c.id != m_id;
    m_id = c.id;
    m_name = c.name;
    m_state = c.state;
    if (changed) {
        m_view = {};
        m_error.clear();
    }
    m_tryIt->setContainer(m_id, m_name, m_state);
    showLesson();
    renderLive();
    updatePolling();
    if (isVisible()) refresh();
}

void LearnPanel::clear()
{
    m_id.clear();
    m_name.clear();
    m_state.clear();
    m_view = {};
    m_error.clear();
    m_tryIt->setContainer(QString(), QString(), QString());
    showLesson();
    renderLive();
    updatePolling();
}

void LearnPanel::updatePolling()
{
    const bool want = isVisible() && m_session && !m_id.isEmpty();
    if (want && !m_timer->isActive()) m_timer->start();
    if (!want) m_timer->stop();
}

void LearnPanel::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    updatePolling();
    refresh();
}

void LearnPanel::hideEvent(QHideEvent* e)
{
    QWidget::hideEvent(e);
    updatePolling();
}

void LearnPanel::refresh()
{
    if (!m_session || m_session->state() != client::HelperSession::State::Ready || m_id.isEmpty() || m_inFlight) return;
    m_inFlight = true;
    const QString id = m_id;
    QPointer<LearnPanel> self(this);
    m_session->kernelView(id, [self, id](const client::KernelView& v, const client::RpcError& e) {
        if (!self) return;
        self->m_inFlight = false;
        if (id != self->m_id) return;
        if (e.isError()) {
            self->m_view = {};
            self->m_error = client::ErrorText::describe(e);
        } else {
            self->m_error.clear();
            self->m_view = v;
        }
        self->renderLive();
        emit self->kernelViewUpdated();
    });
}

void LearnPanel::setKernelView(const client::KernelView& v)
{
    m_view = v;
    m_error.clear();
    renderLive();
}

void LearnPanel::renderLive()
{
    const QListWidgetItem* item = m_list->currentItem();
    const QString id = item ? item->data(Qt::UserRole).toString().section(QLatin1Char('-'), 1) : QString();
    m_cpuDemo->setVisible(id == QLatin1String("cpu") && m_session);
    if (m_id.isEmpty()) m_liveTitle->setText(tr("What the kernel says: select a running container."));
    else m_liveTitle->setText(tr("What the kernel says about \"%1\" now (read every second while shown)").arg(m_name));
    QString h;
    if (!m_error.isEmpty()) h = QStringLiteral("<p><i>%1</i></p>").arg(m_error.toHtmlEscaped());
    else if (!m_id.isEmpty() && m_view.isEmpty() && m_state != QLatin1String("running") &&
             m_state != QLatin1String("paused"))
        h = QStringLiteral("<p><i>%1</i></p>")
                .arg(tr("The container is not running: start it to see the kernel's view.").toHtmlEscaped());
    else h = LessonLive::html(id, m_view);
    // Refreshed every second: keep the learner's place in a long table.
    const int scroll = m_live->verticalScrollBar()->value();
    m_live->setHtml(h);
    m_live->verticalScrollBar()->setValue(scroll);
}

void LearnPanel::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) {
        loadLessonList();
        showLesson();
        renderLive();
    }
    QWidget::changeEvent(e);
}

}  // namespace onggi::gui
