#include "gui/app/screenshot_tour.h"

#include "gui/main_window.h"
#include "gui/models/container_list_model.h"
#include "gui/models/host_overview_model.h"
#include "gui/models/stats_history_model.h"
#include "gui/widgets/container_page.h"
#include "gui/widgets/create_dialog.h"
#include "gui/widgets/images_page.h"
#include "gui/widgets/networks_dialog.h"
#include "gui/widgets/pull_dialog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>

namespace onggi::gui {

ScreenshotTour::ScreenshotTour(MainWindow* window, QString dir, QString prefix, QObject* parent)
    : QObject(parent), m_window(window), m_dir(std::move(dir)), m_prefix(std::move(prefix))
{
}

void ScreenshotTour::start(int timeoutMs)
{
    m_timeoutMs = timeoutMs;
    QDir().mkpath(m_dir);
    QTimer::singleShot(500, this, &ScreenshotTour::step);
}

void ScreenshotTour::shoot(const QString& what, QWidget* w)
{
    if (!w) w = m_window;
    const QString file =
        QStringLiteral("%1/%2-%3-%4.png").arg(m_dir, m_prefix).arg(++m_shot, 2, 10, QLatin1Char('0')).arg(what);
    w->grab().save(file);
    qInfo("screenshot: %s", qPrintable(file));
}

void ScreenshotTour::step()
{
    auto next = [this](int ms) { QTimer::singleShot(ms, this, &ScreenshotTour::step); };
    switch (m_step) {
    case 0: {  // wait for the helper, a selected running container with some history
        if (!m_window->isHelperConnected()) {
            m_waited += 250;
            if (m_waited > 5000) {  // no helper: the absent page is what there is to see
                shoot(QStringLiteral("helper-absent"));
                QApplication::quit();
                return;
            }
            return next(250);
        }
        if (m_window->selectedId().isEmpty()) {
            auto* list = m_window->listModel();
            for (int r = 0; r < list->rowCount(); ++r)
                if (list->index(r, 0).data(ContainerListModel::StateRole).toString() == QLatin1String("running")) {
                    m_window->selectContainer(list->idAt(r));
                    break;
                }
        }
        const int row = m_window->listModel()->rowOf(m_window->selectedId());
        const bool live =
            row >= 0 && !m_window->listModel()->index(row, ContainerListModel::Cpu).data().toString().isEmpty();
        const bool dashboardFilled =
            m_window->overviewModel()->times().size() >= 25;  // the stacked charts show a while
        if ((m_window->selectedId().isEmpty() || m_window->historyModel()->rowCount() < 8 || !live ||
             !dashboardFilled) &&
            m_waited < m_timeoutMs) {
            m_waited += 250;
            return next(250);
        }
        ++m_step;
        return next(2500);  // a few more frames: the helper's first frames carry no rates yet
    }
    case 1: {  // the host overview: no container selected
        const QString keep = m_window->selectedId();
        m_window->showOverview();
        ++m_step;
        QTimer::singleShot(1200, this, [this, keep] {
            shoot(QStringLiteral("dashboard"));
            m_window->selectContainer(keep);
            step();
        });
        return;
    }
    case 2:
    case 3:
    case 4:
    case 5:
    case 6: {
        static const char* const names[] = {"tune", "logs", "processes", "inspect", "learn"};
        const int tab = m_step - 2;
        m_window->containerPage()->setCurrentTab(tab);
        ++m_step;
        QTimer::singleShot(tab == 0 ? 600 : 1200, this, [this, tab] {
            shoot(QString::fromLatin1(names[tab]));
            step();
        });
        return;
    }
    case 7:
        m_window->newContainer();
        ++m_step;
        return next(800);
    case 8:
        if (auto* d = m_window->createDialog()) {
            shoot(QStringLiteral("create-dialog"), d);
            // The Namespaces tab with the network list open (network.list's networks by name).
            auto* tabs = d->findChild<QTabWidget*>();
            if (tabs) tabs->setCurrentIndex(2);
            d->networkBox()->showPopup();
            ++m_step;
            QTimer::singleShot(600, this, [this, d = QPointer<CreateDialog>(d), tabs, next] {
                if (!d) return next(100);
                shoot(QStringLiteral("create-network"), d);
                shoot(QStringLiteral("create-network-list"), d->networkBox()->view()->window());
                d->networkBox()->hidePopup();
                if (tabs) tabs->setCurrentIndex(0);
                // A name that is taken: the helper refuses, the dialog keeps the input and says why.
                d->nameEdit()->setText(m_window->listModel()->index(0, ContainerListModel::Name).data().toString());
                d->buttons()->button(QDialogButtonBox::Ok)->click();
                next(1500);
            });
            return;
        }
        ++m_step;
        return next(1500);
    case 9:
        if (auto* d = m_window->createDialog()) {
            shoot(QStringLiteral("create-refused"), d);
            d->reject();
        }
        ++m_step;
        return next(100);
    case 10:
        m_window->showNetworks();
        ++m_step;
        return next(2000);
    case 11:
        if (auto* d = m_window->networksDialog()) {
            shoot(QStringLiteral("networks"), d);
            d->close();
        }
        ++m_step;
        return next(100);
    case 12:  // the Images page
        m_window->showImages();
        ++m_step;
        return next(1500);
    case 13: {
        ImagesPage* page = m_window->imagesPage();
        shoot(QStringLiteral("images"));
        page->openPullDialog();
        if (PullDialog* d = page->pullDialog()) d->referenceEdit()->setText(QStringLiteral("alpine:3.20"));
        ++m_step;
        return next(600);
    }
    case 14: {
        ImagesPage* page = m_window->imagesPage();
        if (PullDialog* d = page->pullDialog()) {
            shoot(QStringLiteral("pull-dialog"), d);
            d->close();
        }
        ++m_step;
        next(800);
        // Remove of an image the demo containers use: the confirmation, then the refusal.
        QTimer::singleShot(0, page, &ImagesPage::removeSelected);
        return;
    }
    case 15:
    case 16: {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (box) {
            shoot(m_step == 15 ? QStringLiteral("image-remove-confirm") : QStringLiteral("image-remove-refused"), box);
            // Only an image that a container uses is "removed" (the helper refuses): the tour deletes nothing.
            QTableWidget* t = m_window->imagesPage()->imagesTable();
            const int row = t->currentRow();
            const bool used =
                row >= 0 && t->item(row, ImagesPage::Containers)->data(ImagesPage::ValueRole).toLongLong() > 0;
            QAbstractButton* yes = nullptr;
            for (QAbstractButton* b : box->buttons())
                if (box->buttonRole(b) == QMessageBox::DestructiveRole) yes = b;
            if (m_step == 15 && used && yes) yes->click();
            else box->reject();
        }
        ++m_step;
        return next(1500);
    }
    default: QApplication::quit();
    }
}

}  // namespace onggi::gui
