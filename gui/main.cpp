// onggi: the desktop app. Options: --socket PATH (default $ONGGI_SOCKET or
// /run/onggi/helper.sock), --language system|ko|en, --palette system|dark|light, --screenshots DIR.
#include "gui/app/app_palette.h"
#include "gui/app/language_manager.h"
#include "gui/app/screenshot_tour.h"
#include "gui/main_window.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

#include <memory>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("onggi"));
    QApplication::setApplicationName(QStringLiteral("onggi"));
    QApplication::setApplicationDisplayName(QStringLiteral("Onggi"));
    QApplication::setApplicationVersion(QStringLiteral(ONGGI_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("onggi"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/onggi.svg")));

    onggi::gui::LanguageManager languages;
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption socketOpt(QStringLiteral("socket"), QStringLiteral("helper socket path"),
                                 QStringLiteral("path"));
    QCommandLineOption langOpt(QStringLiteral("language"), QStringLiteral("system, ko or en"), QStringLiteral("code"));
    QCommandLineOption shotsOpt(QStringLiteral("screenshots"), QStringLiteral("save screenshots to DIR and quit"),
                                QStringLiteral("dir"));
    QCommandLineOption selectOpt(QStringLiteral("select"), QStringLiteral("select this container once connected"),
                                 QStringLiteral("name"));
    QCommandLineOption paletteOpt(QStringLiteral("palette"), QStringLiteral("system, dark or light"),
                                  QStringLiteral("name"));
    parser.addOptions({socketOpt, langOpt, shotsOpt, selectOpt, paletteOpt});
    parser.process(app);
    if (!onggi::gui::AppPalette::apply(parser.value(paletteOpt))) parser.showHelp(2);

    QSettings settings;
    const QString lang = parser.isSet(langOpt)
                             ? parser.value(langOpt)
                             : settings.value(QStringLiteral("language"), QStringLiteral("system")).toString();
    languages.setLanguage(lang);

    onggi::gui::MainWindow window(&languages);
    window.show();
    window.connectToHelper(parser.value(socketOpt));

    if (parser.isSet(selectOpt)) {
        const QString name = parser.value(selectOpt);
        // Once: after that the user (or the screenshot tour's host overview) owns the selection.
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = QObject::connect(&window, &onggi::gui::MainWindow::listRefreshed, &window, [&window, name, once] {
            if (!window.selectedId().isEmpty() || window.selectContainer(name)) QObject::disconnect(*once);
        });
    }
    if (parser.isSet(shotsOpt)) {
        QString prefix = languages.effectiveLanguage();
        if (parser.isSet(paletteOpt) && parser.value(paletteOpt) != QLatin1String("system"))
            prefix += QLatin1Char('-') + parser.value(paletteOpt);
        if (qEnvironmentVariableIntValue("QT_SCALE_FACTOR") > 1)
            prefix += QStringLiteral("-%1x").arg(qEnvironmentVariableIntValue("QT_SCALE_FACTOR"));
        auto* tour = new onggi::gui::ScreenshotTour(&window, parser.value(shotsOpt), prefix, &window);
        tour->start();
    }
    return app.exec();
}
