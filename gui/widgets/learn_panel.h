// "Learn": explains namespaces, control groups and the layered root filesystem with the
// selected container's real values (its /proc/PID/ns inodes next to this desktop session's,
// its cgroup path and the files the limits were written to, overlay lower/upper dirs).
#pragma once

#include <QJsonObject>
#include <QWidget>

class QTextBrowser;

// (two namespace blocks, not "onggi::gui": lupdate 6.4 needs them to name tr() contexts)
namespace onggi {
namespace gui {

class LearnPanel : public QWidget {
    Q_OBJECT
public:
    explicit LearnPanel(QWidget* parent = nullptr);

    // inspect: container.inspect result; cgroupMode: hello host.cgroup_mode; sample: last stats.
    void setContainer(const QJsonObject& inspect, const QString& cgroupMode, const QJsonObject& sample);
    void clear();
    QString html() const;

protected:
    void changeEvent(QEvent* e) override;

private:
    void render();

    QTextBrowser* m_text;
    QJsonObject m_inspect, m_sample;
    QString m_mode;
};

}  // namespace gui
}  // namespace onggi
