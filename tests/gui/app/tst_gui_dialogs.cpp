// Keyboard accelerators on the real dialogs and menus, in English and Korean (offscreen, no
// helper): within what is on screen at once (a dialog's buttons and tabs with one tab page;
// the menu bar's titles; one menu's items) no two entries share an Alt+letter, so every
// accelerator reaches its own field. And the main window's minimum and first size fit a
// 1366×768 screen (tst_gui_dialogs_2x runs that at QT_SCALE_FACTOR=2).
#include "gui/app/language_manager.h"
#include "gui/main_window.h"
#include "gui/widgets/create_dialog.h"
#include "gui/widgets/limits_panel.h"
#include "gui/widgets/settings_dialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QScreen>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace onggi::gui;

namespace {

// Alt+letter of a text with "&x", lower case; empty when none.
QString mnemonic(const QString& text)
{
    const QKeySequence k = QKeySequence::mnemonic(text);
    return k.isEmpty() ? QString() : k.toString().toLower();
}

// The texts with accelerators of `root`'s own widgets, not looking into `skip` (a tab page).
void collect(QWidget* root, QWidget* skip, QStringList& out)
{
    for (QWidget* w : root->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (w == skip) continue;
        if (auto* l = qobject_cast<QLabel*>(w); l && l->buddy()) out << l->text();
        if (auto* b = qobject_cast<QAbstractButton*>(w)) out << b->text();
        if (auto* t = qobject_cast<QTabBar*>(w))
            for (int i = 0; i < t->count(); ++i) out << t->tabText(i);
        collect(w, skip, out);
    }
}

QStringList duplicates(const QStringList& texts)
{
    QHash<QString, QStringList> byKey;
    for (const QString& t : texts)
        if (const QString k = mnemonic(t); !k.isEmpty()) byKey[k] << t;
    QStringList out;
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
        if (it.value().size() > 1) out << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(" | "));
    return out;
}

}  // namespace

class TstGuiDialogs : public QObject {
    Q_OBJECT
    LanguageManager m_languages;

private slots:
    void noDuplicateAccelerators_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }

    void noDuplicateAccelerators()
    {
        QFETCH(QString, lang);
        QVERIFY(m_languages.setLanguage(lang));
        QStringList problems;

        CreateDialog create;
        auto* tabs = create.findChild<QTabWidget*>();
        QVERIFY(tabs);
        int checked = 0;
        for (int i = 0; i < tabs->count(); ++i) {
            QStringList texts;
            collect(&create, tabs, texts);  // the buttons and the tab titles
            collect(tabs->widget(i), nullptr, texts);
            checked += int(texts.size());
            for (const QString& d : duplicates(texts))
                problems << QStringLiteral("New container, tab %1: %2").arg(tabs->tabText(i), d);
        }
        QVERIFY2(checked > 20, "the create dialog's fields were not found");

        SettingsDialog settings;
        QStringList texts;
        collect(&settings, nullptr, texts);
        for (const QString& d : duplicates(texts)) problems << QStringLiteral("Settings: %1").arg(d);

        MainWindow window(&m_languages);
        QStringList titles;
        for (QAction* a : window.menuBar()->actions()) {
            titles << a->text();
            if (QMenu* m = a->menu()) {
                QStringList items;
                for (QAction* i : m->actions()) items << i->text();
                for (const QString& d : duplicates(items)) problems << QStringLiteral("menu %1: %2").arg(a->text(), d);
            }
        }
        QVERIFY(titles.size() >= 4);
        for (const QString& d : duplicates(titles)) problems << QStringLiteral("menu bar: %1").arg(d);
        if (!problems.isEmpty()) qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
        QCOMPARE(problems.size(), 0);
    }

    // Ports in the New dialog: checked as typed, sent only with the bridge network, and
    // sent as container.create's "ports" objects.
    void createDialogPorts()
    {
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        CreateDialog d;
        d.portsEdit()->setText(QStringLiteral("8080:80, 127.0.0.1:5353:53/udp"));
        QCOMPARE(d.networkBox()->currentData().toString(), QStringLiteral("bridge"));  // the default network, as docker
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));
        for (const char* mode : {"private", "none", "host"}) {
            d.networkBox()->setCurrentIndex(d.networkBox()->findData(QString::fromLatin1(mode)));
            QVERIFY2(d.validationError().contains(QLatin1String("needs a network")), qPrintable(d.validationError()));
        }
        d.networkBox()->setCurrentIndex(d.networkBox()->findData(QStringLiteral("bridge")));
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));
        const QJsonArray ports = d.params().value(QLatin1String("ports")).toArray();
        QCOMPARE(ports.size(), 2);
        QCOMPARE(ports[0].toObject().value(QLatin1String("host_port")).toInt(), 8080);
        QCOMPARE(ports[0].toObject().value(QLatin1String("container_port")).toInt(), 80);
        QCOMPARE(ports[1].toObject().value(QLatin1String("host_ip")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(ports[1].toObject().value(QLatin1String("protocol")).toString(), QStringLiteral("udp"));
        QCOMPARE(d.params().value(QLatin1String("namespaces")).toObject().value(QLatin1String("network")).toString(),
                 QStringLiteral("bridge"));
        d.portsEdit()->setText(QStringLiteral("70000:80"));
        QVERIFY2(d.validationError().contains(QLatin1String("65535")), qPrintable(d.validationError()));
        d.portsEdit()->setText(QStringLiteral("80/sctp"));
        QVERIFY2(d.validationError().contains(QLatin1String("tcp or udp")), qPrintable(d.validationError()));
        d.portsEdit()->clear();
        QVERIFY(d.validationError().isEmpty());
        QVERIFY(!d.params().contains(QLatin1String("ports")));
        // -P: sent as publish_all, and only with a network.
        QVERIFY(!d.params().contains(QLatin1String("publish_all")));
        d.publishAllBox()->setChecked(true);
        QCOMPARE(d.params().value(QLatin1String("publish_all")).toBool(), true);
        QVERIFY(d.validationError().isEmpty());
        d.networkBox()->setCurrentIndex(d.networkBox()->findData(QStringLiteral("none")));
        QVERIFY2(d.validationError().contains(QLatin1String("needs a network")), qPrintable(d.validationError()));
    }

    // The network combo lists network.list's networks by name, the default one first and
    // chosen; then private and none, and host only for a caller who may use it. A network the
    // user picked stays picked when the list comes again or the language changes.
    void createDialogListsNetworks()
    {
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        CreateDialog d;
        auto data = [&d] {
            QStringList out;
            for (int i = 0; i < d.networkBox()->count(); ++i) out << d.networkBox()->itemData(i).toString();
            return out;
        };
        auto chosen = [&d] {
            return d.params().value(QLatin1String("namespaces")).toObject().value(QLatin1String("network")).toString();
        };
        QCOMPARE(data(), (QStringList{"bridge", "private", "none", "host"}));  // before network.list answers
        QCOMPARE(chosen(), QStringLiteral("bridge"));
        d.setHostNetworkAllowed(false);
        QCOMPARE(data(), (QStringList{"bridge", "private", "none"}));

        auto net = [](const char* name, const char* subnet, bool isDefault) {
            onggi::client::NetworkInfo n;
            n.name = QString::fromLatin1(name);
            n.subnet = QString::fromLatin1(subnet);
            n.bridge = n.name == QLatin1String("onggi") ? QStringLiteral("onggi0") : QStringLiteral("onggi-") + n.name;
            n.gateway = QString::fromLatin1(subnet)
                            .section(QLatin1Char('/'), 0, 0)
                            .replace(QRegularExpression(QStringLiteral("0$")), QStringLiteral("1"));
            n.isDefault = isDefault;
            return n;
        };
        const QList<onggi::client::NetworkInfo> nets = {net("front", "10.91.0.0/24", false),
                                                        net("onggi", "10.88.0.0/24", true),
                                                        net("back", "10.92.0.0/24", false)};
        d.setNetworks(nets);
        QCOMPARE(data(), (QStringList{"onggi", "back", "front", "private", "none"}));
        QCOMPARE(chosen(), QStringLiteral("onggi"));
        QVERIFY2(d.networkBox()->currentText().contains(QLatin1String("10.88.0.0/24")),
                 qPrintable(d.networkBox()->currentText()));
        QVERIFY2(d.networkBox()->itemText(2).startsWith(QLatin1String("front")),
                 qPrintable(d.networkBox()->itemText(2)));
        QVERIFY(d.networkBox()->itemData(2, Qt::ToolTipRole).toString().contains(QLatin1String("onggi-front")));
        d.portsEdit()->setText(QStringLiteral("8080:80"));
        QVERIFY2(d.validationError().isEmpty(), qPrintable(d.validationError()));

        // The user picks "front": kept when the list comes again and in Korean.
        d.networkBox()->setCurrentIndex(2);
        emit d.networkBox()->activated(2);
        QCOMPARE(chosen(), QStringLiteral("front"));
        QVERIFY(d.validationError().isEmpty());
        d.setNetworks(nets);
        QCOMPARE(chosen(), QStringLiteral("front"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        QTRY_VERIFY2(d.networkBox()->itemText(0).contains(QStringLiteral("기본")),
                     qPrintable(d.networkBox()->itemText(0)));
        QCOMPARE(chosen(), QStringLiteral("front"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QTRY_VERIFY(d.networkBox()->itemText(0).contains(QLatin1String("default network")));
        // Removed meanwhile: back to the default network.
        d.setNetworks({nets[1], nets[2]});
        QCOMPARE(chosen(), QStringLiteral("onggi"));
        // A helper whose default is no network (--default-network private): private is chosen.
        CreateDialog plain;
        plain.setNetworks({net("front", "10.91.0.0/24", false)});
        QCOMPARE(
            plain.params().value(QLatin1String("namespaces")).toObject().value(QLatin1String("network")).toString(),
            QStringLiteral("private"));
    }

    // The tooltips that name kernel files take the names from the helper's table (hello's
    // cgroup_files), in both languages; before hello they name none of their own. The names here
    // are made up, so only the table can have put them there.
    void tooltipsNameTheHelpersFiles_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("ko") << QStringLiteral("ko");
    }
    void tooltipsNameTheHelpersFiles()
    {
        QFETCH(QString, lang);
        QVERIFY(m_languages.setLanguage(lang));
        auto tips = [](QWidget* w) {
            QStringList out;
            for (QWidget* c : w->findChildren<QWidget*>())
                if (!c->toolTip().isEmpty()) out << c->toolTip();
            return out.join(QLatin1Char('\n'));
        };
        QJsonObject files;
        for (const char* k : {"cpu_quota", "cpu_period", "cpu_weight", "memory_limit", "memory_high",
                              "memory_swap_limit", "pids_limit", "io_read_bps", "io_write_bps"})
            files.insert(QLatin1String(k),
                         QJsonObject{{QStringLiteral("v1"), QStringLiteral("v1-%1").arg(QLatin1String(k))},
                                     {QStringLiteral("v2"), QStringLiteral("v2-%1").arg(QLatin1String(k))}});
        const auto names =
            onggi::client::CgroupFileNames::fromHost(QJsonObject{{QStringLiteral("cgroup_files"), files}});
        LimitsPanel panel;
        CreateDialog dialog;
        for (QWidget* w : {static_cast<QWidget*>(&panel), static_cast<QWidget*>(&dialog)}) {
            const QString before = tips(w);
            for (const char* own : {"memory.max", "memory.limit_in_bytes", "cpu.max", "cpu.cfs_quota_us", "pids.max"})
                QVERIFY2(!before.contains(QLatin1String(own)), own);
        }
        panel.setCgroupFiles(names);
        dialog.setCgroupFiles(names);
        const QString p = tips(&panel), d = tips(&dialog);
        for (const char* want :
             {"v1-cpu_quota", "v1-cpu_period", "v2-cpu_quota", "v1-cpu_weight", "v2-cpu_weight", "v1-memory_limit",
              "v2-memory_limit", "v2-memory_high", "v1-memory_swap_limit", "v2-memory_swap_limit", "v1-pids_limit",
              "v2-pids_limit", "v1-io_read_bps", "v2-io_read_bps", "v1-io_write_bps"})
            QVERIFY2(p.contains(QLatin1String(want)), want);
        for (const char* want : {"v1-cpu_quota", "v2-cpu_quota", "v1-cpu_weight", "v2-memory_limit",
                                 "v1-memory_swap_limit", "v2-pids_limit"})
            QVERIFY2(d.contains(QLatin1String(want)), want);
    }

    // The window's minimum fits a 1366×768 screen (less a 40 px panel), whatever page shows;
    // at QT_SCALE_FACTOR=2 the same check runs against a 683×364 logical screen.
    void windowMinimumFitsSmallScreen()
    {
        const qreal scale =
            qEnvironmentVariableIsSet("QT_SCALE_FACTOR") ? qEnvironmentVariable("QT_SCALE_FACTOR").toDouble() : 1.0;
        const QSize screen(int(1366 / scale), int((768 - 40) / scale));
        for (const char* lang : {"en", "ko"}) {
            QVERIFY(m_languages.setLanguage(QString::fromLatin1(lang)));
            MainWindow w(&m_languages);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            const QSize min = w.minimumSizeHint().expandedTo(w.minimumSize());
            qInfo("%s: minimum %dx%d, default %dx%d (scale %.1f)", lang, min.width(), min.height(), w.width(),
                  w.height(), scale);
            const QSize avail = w.screen()->availableGeometry().size();
            QVERIFY2(w.width() <= avail.width() && w.height() <= avail.height(),  // the first size too
                     qPrintable(QStringLiteral("default %1x%2 > screen %3x%4")
                                    .arg(w.width())
                                    .arg(w.height())
                                    .arg(avail.width())
                                    .arg(avail.height())));
            QVERIFY2(min.width() <= screen.width() && min.height() <= screen.height(),
                     qPrintable(QStringLiteral("%1: minimum %2x%3 > %4x%5")
                                    .arg(QString::fromLatin1(lang))
                                    .arg(min.width())
                                    .arg(min.height())
                                    .arg(screen.width())
                                    .arg(screen.height())));
        }
    }
};

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);  // QSettings in a test location
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("onggi-test"));
    TstGuiDialogs t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_gui_dialogs.moc"
