// "Learn": short lessons, one per concept of how containers work (resources/lessons/<lang>/
// NN-id.html: content that teachers and translators edit, embedded as Qt resources), each
// beside a live panel that reads the kernel's view of the selected container
// (container.kernel_view) once a second while the panel is shown, and stops when hidden.
#pragma once

#include "client/container_summary.h"
#include "client/kernel_view.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QListWidget;
class QLabel;
class QTextBrowser;
class QTimer;

namespace onggi {
namespace client {
class HelperSession;
}
// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace gui {

class TryItBar;
class WeightSplitDemo;

class LearnPanel : public QWidget {
    Q_OBJECT
public:
    explicit LearnPanel(QWidget* parent = nullptr);

    // Where the live panel asks container.kernel_view (not owned; may be null).
    void setSession(client::HelperSession* session);
    // The learner's container (its id, name and state are what the panel uses).
    void setContainer(const client::ContainerSummary& container);
    void clear();

    // The lessons, in order: ids ("namespaces") from the file names under :/lessons/<lang>/.
    static QStringList lessonIds();
    // The lesson file's path for a language ("ko", "en"), and its language actually shown.
    static QString lessonPath(const QString& lang, const QString& id);
    QString language() const;  // the lessons' language for the UI language now in effect
    int lessonCount() const;
    int currentLesson() const;
    void setCurrentLesson(int index);
    QString lessonHtml() const;  // the lesson shown, as the browser holds it
    QString liveHtml() const;    // the live panel's HTML now
    QString html() const { return lessonHtml() + liveHtml(); }
    const client::KernelView& kernelView() const { return m_view; }
    TryItBar* tryIt() const { return m_tryIt; }             // the lesson's "try it" buttons
    WeightSplitDemo* cpuDemo() const { return m_cpuDemo; }  // the CPU lesson's 1:4 demo
    bool isPolling() const;
    // Ask the helper now (the timer does this every second while shown).
    void refresh();
    // The view to draw (used by refresh(); public for tests that feed one).
    void setKernelView(const client::KernelView& v);

signals:
    void kernelViewUpdated();

protected:
    void changeEvent(QEvent* e) override;
    void showEvent(QShowEvent* e) override;
    void hideEvent(QHideEvent* e) override;

private:
    void loadLessonList();
    void showLesson();
    void renderLive();
    void updatePolling();

    QListWidget* m_list;
    QTextBrowser* m_lesson;
    QLabel* m_liveTitle;
    QTextBrowser* m_live;
    QTimer* m_timer;
    QPointer<client::HelperSession> m_session;
    QString m_id, m_name, m_state, m_error;
    client::KernelView m_view;
    bool m_inFlight = false;
    TryItBar* m_tryIt = nullptr;
    WeightSplitDemo* m_cpuDemo = nullptr;
};

}  // namespace gui
}  // namespace onggi
