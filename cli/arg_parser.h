// ArgParser: docker-style flags for one onggictl command. Long "--name value", "--name=value",
// short "-m 64m", "-m64m", combined short flags "-dit", booleans "--rm=false", repeatable
// options ("-e A=1 -e B=2"), "--" ends flags. With stopAtFirstPositional (run, exec), flags
// after the image / container belong to the command inside.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace onggi::cli {

class ArgParser {
public:
    ArgParser(QString command, QString usage, QString summary);

    // names: long names and one-letter short names, e.g. {"d", "detach"}.
    void addFlag(const QStringList& names, const QString& help);
    void addOption(const QStringList& names, const QString& valueName, const QString& help);
    void setStopAtFirstPositional(bool on) { stopAtPositional_ = on; }
    void setPositionalRange(int min, int max)
    {
        minPos_ = min;
        maxPos_ = max;
    }  // max -1 = any

    // False on an unknown flag / missing value / wrong positional count: errorText() says which.
    bool parse(const QStringList& args);
    const QString& errorText() const { return error_; }
    bool helpRequested() const { return help_; }
    QString helpText() const;
    const QString& command() const { return command_; }

    bool isSet(const QString& name) const;     // a flag (true unless "--x=false"), or an option given
    QString value(const QString& name) const;  // last value of an option
    QStringList values(const QString& name) const;
    const QStringList& positional() const { return positional_; }

private:
    struct Spec {
        QStringList names;
        QString valueName, help;
        bool takesValue = false;
    };
    const Spec* find(const QString& name) const;
    QString key(const Spec& s) const { return s.names.last(); }

    QString command_, usage_, summary_;
    QList<Spec> specs_;
    bool stopAtPositional_ = false;
    int minPos_ = 0, maxPos_ = -1;
    QHash<QString, QStringList> values_;
    QHash<QString, bool> flags_;
    QStringList positional_;
    QString error_;
    bool help_ = false;
};

}  // namespace onggi::cli
