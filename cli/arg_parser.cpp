#include "cli/arg_parser.h"

#include <QCoreApplication>

namespace onggi::cli {

namespace {
}  // namespace

ArgParser::ArgParser(QString command, QString usage, QString summary)
    : command_(std::move(command)), usage_(std::move(usage)), summary_(std::move(summary))
{
}

void ArgParser::addFlag(const QStringList& names, const QString& help) { specs_.append(Spec{names, {}, help, false}); }

void ArgParser::addOption(const QStringList& names, const QString& valueName, const QString& help)
{
    specs_.append(Spec{names, valueName, help, true});
}

const ArgParser::Spec* ArgParser::find(const QString& name) const
{
    for (const Spec& s : specs_)
        if (s.names.contains(name)) return &s;
    return nullptr;
}

bool ArgParser::parse(const QStringList& args)
{
    values_.clear();
    flags_.clear();
    positional_.clear();
    error_.clear();
    help_ = false;
    bool flagsDone = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args.at(i);
        if (flagsDone || a == QLatin1String("-") || !a.startsWith(QLatin1Char('-'))) {
            positional_ << a;
            if (stopAtPositional_) flagsDone = true;
            continue;
        }
        if (a == QLatin1String("--")) {
            flagsDone = true;
            continue;
        }
        if (a == QLatin1String("--help") || (a == QLatin1String("-h") && !find(QStringLiteral("h")))) {
            help_ = true;
            return true;
        }
        auto takeValue = [&](const Spec& s, const QString& shown, const QString& inlineValue, bool hasInline) -> bool {
            if (hasInline) {
                values_[key(s)] << inlineValue;
                return true;
            }
            if (i + 1 >= args.size()) {
                error_ = QCoreApplication::translate("onggictl", "flag needs an argument: %1").arg(shown);
                return false;
            }
            values_[key(s)] << args.at(++i);
            return true;
        };
        if (a.startsWith(QLatin1String("--"))) {
            const qsizetype eq = a.indexOf(QLatin1Char('='));
            const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
            const Spec* s = find(name);
            if (!s || name.size() < 2) {
                error_ = QCoreApplication::translate("onggictl", "unknown flag: --%1").arg(name);
                return false;
            }
            if (s->takesValue) {
                if (!takeValue(*s, QStringLiteral("--") + name, a.mid(eq + 1), eq >= 0)) return false;
            } else if (eq >= 0) {
                const QString v = a.mid(eq + 1).toLower();
                if (v != QLatin1String("true") && v != QLatin1String("false") && v != QLatin1String("1") &&
                    v != QLatin1String("0")) {
                    error_ = QCoreApplication::translate(
                                 "onggictl", "invalid argument \"%1\" for \"--%2\" flag: expected true or false")
                                 .arg(a.mid(eq + 1), name);
                    return false;
                }
                flags_[key(*s)] = v == QLatin1String("true") || v == QLatin1String("1");
            } else {
                flags_[key(*s)] = true;
            }
            continue;
        }
        // Short flags, possibly combined: -dit, -m64m, -e A=B.
        for (int j = 1; j < a.size(); ++j) {
            const QString name = a.mid(j, 1);
            const Spec* s = find(name);
            if (!s) {
                error_ = QCoreApplication::translate("onggictl", "unknown shorthand flag: '%1' in %2").arg(name, a);
                return false;
            }
            if (s->takesValue) {
                const QString rest = a.mid(j + 1);
                const bool hasInline = !rest.isEmpty();
                if (!takeValue(*s, QStringLiteral("-") + name, rest.startsWith(QLatin1Char('=')) ? rest.mid(1) : rest,
                               hasInline))
                    return false;
                break;
            }
            flags_[key(*s)] = true;
        }
    }
    if (positional_.size() < minPos_ || (maxPos_ >= 0 && positional_.size() > maxPos_)) {
        if (minPos_ == maxPos_)
            error_ =
                QCoreApplication::translate("onggictl", "\"%1\" requires exactly %n argument(s).", nullptr, minPos_)
                    .arg(command_);
        else if (positional_.size() < minPos_)
            error_ =
                QCoreApplication::translate("onggictl", "\"%1\" requires at least %n argument(s).", nullptr, minPos_)
                    .arg(command_);
        else
            error_ = QCoreApplication::translate("onggictl", "\"%1\" accepts at most %n argument(s).", nullptr, maxPos_)
                         .arg(command_);
        return false;
    }
    return true;
}

bool ArgParser::isSet(const QString& name) const
{
    const Spec* s = find(name);
    if (!s) return false;
    if (s->takesValue) return values_.contains(key(*s));
    return flags_.value(key(*s), false);
}

QString ArgParser::value(const QString& name) const
{
    const QStringList v = values(name);
    return v.isEmpty() ? QString() : v.last();
}

QStringList ArgParser::values(const QString& name) const
{
    const Spec* s = find(name);
    return s ? values_.value(key(*s)) : QStringList();
}

QString ArgParser::helpText() const
{
    QString t = QCoreApplication::translate("onggictl", "Usage:  onggictl %1").arg(usage_) + QLatin1String("\n\n") +
                summary_ + QLatin1String("\n");
    if (specs_.isEmpty()) return t;
    t += QLatin1Char('\n') + QCoreApplication::translate("onggictl", "Options:") + QLatin1Char('\n');
    QStringList left;
    int width = 0;
    for (const Spec& s : specs_) {
        QString shortName, longName;
        for (const QString& n : s.names) (n.size() == 1 ? shortName : longName) = n;
        QString l = shortName.isEmpty() ? QStringLiteral("      ") : QStringLiteral("  -%1, ").arg(shortName);
        if (!longName.isEmpty()) l += QStringLiteral("--") + longName;
        else l.chop(2);
        if (s.takesValue) l += QLatin1Char(' ') + s.valueName;
        left << l;
        width = qMax(width, int(l.size()));
    }
    for (int i = 0; i < specs_.size(); ++i)
        t += left.at(i).leftJustified(width + 3) + specs_.at(i).help + QLatin1Char('\n');
    return t;
}

}  // namespace onggi::cli
