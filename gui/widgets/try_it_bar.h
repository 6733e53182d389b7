// TryItBar: "Try it" buttons for the current lesson's onggictl steps that are safe to run from
// the app as the learner: `onggictl exec NAME …` (a command inside the learner's own container,
// through the helper's container.exec, with the container's own limits, capabilities and
// seccomp), `pause` / `unpause` and `inspect`. Nothing runs with more than the learner's own
// rights: the helper checks that the container is theirs, as for onggictl. Steps that never end
// by themselves (a busy loop, a fork bomb: anything sent to the background or looping forever)
// get no button: the lesson says to run them in a terminal. The output is shown below.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QPlainTextEdit;
class QLabel;
class QHBoxLayout;
class QPushButton;

namespace onggi {
namespace client {
class HelperClient;
}
namespace gui {

class TryItBar : public QWidget {
    Q_OBJECT
public:
    struct Step {
        QString text;      // as the lesson writes it, without "onggictl " ("exec NAME uname -r")
        QString verb;      // exec | pause | unpause | inspect
        QString command;   // exec: the command inside as written ("sh -c 'echo hi'")
        QStringList argv;  // exec: the command inside
        bool runnable = false;
    };
    // The onggictl steps of a lesson's HTML, in order (NAME stands for the container).
    static QList<Step> parse(const QString& lessonHtml);
    // A shell-like split: words, 'single' and "double" quotes. Empty on an unclosed quote.
    static QStringList splitWords(const QString& s);

    explicit TryItBar(QWidget* parent = nullptr);
    void setClient(client::HelperClient* client) { m_client = client; }
    void setLesson(const QString& lessonHtml);
    void setContainer(const QString& id, const QString& name, const QString& state);
    const QList<Step>& steps() const { return m_steps; }
    // Runs step i (as its button does); the output arrives with finished().
    void run(int i);
    QString output() const;
    int buttonCount() const { return m_buttons.size(); }

signals:
    void finished(int step);

protected:
    void changeEvent(QEvent* e) override;

private:
    void rebuild();
    void show(const QString& text);

    client::HelperClient* m_client = nullptr;
    QList<Step> m_steps;
    QList<QPushButton*> m_buttons;
    QString m_id, m_name, m_state;
    QLabel* m_title;
    QHBoxLayout* m_row;
    QPlainTextEdit* m_out;
    bool m_busy = false;
};

}  // namespace gui
}  // namespace onggi
