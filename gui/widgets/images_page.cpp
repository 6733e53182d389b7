#include "gui/widgets/images_page.h"

#include "client/error_text.h"
#include "gui/models/units.h"
#include "gui/widgets/pull_dialog.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace onggi {
namespace gui {

namespace {

// Sorts by the raw figure (bytes, counts), not by the formatted text.
class ValueItem : public QTableWidgetItem {
public:
    ValueItem(const QString& text, const QVariant& value) : QTableWidgetItem(text)
    {
        setData(ImagesPage::ValueRole, value);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        const QVariant a = data(ImagesPage::ValueRole), b = other.data(ImagesPage::ValueRole);
        if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong)
            return a.toLongLong() < b.toLongLong();
        return QString::localeAwareCompare(a.toString(), b.toString()) < 0;
    }
};

QString shortDigest(const QString& d) { return d.mid(d.indexOf(QLatin1Char(':')) + 1).left(12); }

QTableWidget* makeTable(int columns, QWidget* parent)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->horizontalHeader()->setHighlightSections(false);
    return t;
}

}  // namespace

ImagesPage::ImagesPage(client::HelperSession* session, QWidget* parent) : QWidget(parent), m_session(session)
{
    m_dfImages = new QLabel(this);
    m_dfContainers = new QLabel(this);
    m_dfReclaim = new QLabel(this);
    for (QLabel* l : {m_dfImages, m_dfContainers, m_dfReclaim}) {
        l->setFrameShape(QFrame::StyledPanel);
        l->setMargin(6);
        l->setTextFormat(Qt::PlainText);
    }
    m_pull = new QPushButton(this);
    m_remove = new QPushButton(this);
    m_refresh = new QPushButton(this);
    m_save = new QPushButton(this);
    m_load = new QPushButton(this);
    m_remove->setEnabled(false);
    m_save->setEnabled(false);
    connect(m_save, &QPushButton::clicked, this, &ImagesPage::saveSelected);
    connect(m_load, &QPushButton::clicked, this, &ImagesPage::loadFromFile);
    m_archiveBar = new QProgressBar(this);
    m_archiveBar->setTextVisible(true);
    m_archiveBar->hide();
    m_archiveLabel = new QLabel(this);
    m_archiveLabel->setTextFormat(Qt::PlainText);
    m_archiveLabel->setWordWrap(true);
    m_archiveLabel->hide();
    connect(m_session, &client::HelperSession::archiveProgress, this, &ImagesPage::archiveProgress);
    connect(m_pull, &QPushButton::clicked, this, &ImagesPage::openPullDialog);
    connect(m_remove, &QPushButton::clicked, this, &ImagesPage::removeSelected);
    connect(m_refresh, &QPushButton::clicked, this, &ImagesPage::refresh);
    m_refreshSoon = new QTimer(this);
    m_refreshSoon->setSingleShot(true);
    m_refreshSoon->setInterval(150);
    connect(m_refreshSoon, &QTimer::timeout, this, [this] {
        if (isVisible()) refresh();  // a hidden page refreshes when it is shown
    });
    connect(m_session, &client::HelperSession::event, this, [this](const client::Event& ev) {
        if (ev.type == QLatin1String("image") && isVisible()) m_refreshSoon->start();
    });

    m_listTitle = new QLabel(this);
    m_layersTitle = new QLabel(this);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    m_layersTitle->setFont(bold);
    m_images = makeTable(ImageColumnCount, this);
    m_images->setSortingEnabled(true);
    m_images->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_images->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_layers = makeTable(LayerColumnCount, this);
    m_layers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_layers->horizontalHeader()->setSectionResizeMode(SharedWith, QHeaderView::Stretch);
    connect(m_images->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_remove->setEnabled(!selectedId().isEmpty());
        m_save->setEnabled(!selectedId().isEmpty() && !archiveBusy());
        showLayers();
    });

    auto* totals = new QHBoxLayout;
    totals->addWidget(m_dfImages, 1);
    totals->addWidget(m_dfContainers, 1);
    totals->addWidget(m_dfReclaim, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_listTitle);
    buttons->addStretch(1);
    buttons->addWidget(m_pull);
    buttons->addWidget(m_load);
    buttons->addWidget(m_save);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_refresh);
    auto* split = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(split);
    auto* tl = new QVBoxLayout(top);
    tl->setContentsMargins(0, 0, 0, 0);
    tl->addLayout(buttons);
    tl->addWidget(m_images, 1);
    auto* archive = new QHBoxLayout;
    archive->addWidget(m_archiveLabel, 2);
    archive->addWidget(m_archiveBar, 1);
    tl->addLayout(archive);
    auto* bottom = new QWidget(split);
    auto* bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    bl->addWidget(m_layersTitle);
    bl->addWidget(m_layers, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* v = new QVBoxLayout(this);
    v->addLayout(totals);
    v->addWidget(split, 1);
    retranslateUi();
}

void ImagesPage::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::LanguageChange) {
        retranslateUi();
        fill();
    } else if (e->type() == QEvent::PaletteChange) {
        showLayers();  // the greyed "only this image" in the new palette's colour
    }
    QWidget::changeEvent(e);
}

void ImagesPage::showEvent(QShowEvent* e)
{
    QWidget::showEvent(e);
    refresh();
}

void ImagesPage::retranslateUi()
{
    m_pull->setText(tr("&Pull…"));
    m_pull->setToolTip(tr("Download an image from a registry"));
    m_remove->setText(tr("Re&move"));
    m_remove->setToolTip(tr("Remove the selected image from the store"));
    m_refresh->setText(tr("R&efresh"));
    m_save->setText(tr("&Save…"));
    m_save->setToolTip(tr("Save the selected image to a tar archive (as docker save writes it)"));
    m_load->setText(tr("&Load…"));
    m_load->setToolTip(tr("Load images from a tar archive (docker save or OCI layout)"));
    m_archiveLabel->setText(archiveText());
    m_listTitle->setText(tr("Images"));
    m_layersTitle->setText(tr("Layers of the selected image (bottom first)"));
    m_images->setHorizontalHeaderLabels(
        {tr("Name"), tr("Image ID"), tr("Size"), tr("Shared"), tr("Created"), tr("Containers")});
    m_images->horizontalHeaderItem(Shared)->setToolTip(tr("Bytes of this image's layers that other images use too"));
    m_layers->setHorizontalHeaderLabels({tr("Layer (diff ID)"), tr("Size"), tr("Also used by")});
    m_dfImages->setToolTip(tr("Each layer is counted once, however many images share it"));
    m_dfContainers->setToolTip(tr("The containers' writable layers (what they changed)"));
    m_dfReclaim->setToolTip(tr("What removing unused images and stopped containers would free"));
}

QString ImagesPage::dfText() const
{
    return m_dfImages->text() + QLatin1Char('\n') + m_dfContainers->text() + QLatin1Char('\n') + m_dfReclaim->text();
}

void ImagesPage::refresh()
{
    const quint64 gen = ++m_gen;
    m_pending = 3;
    auto oneDone = [this, gen] {
        if (gen != m_gen || --m_pending > 0) return;
        fill();
        emit refreshed();
    };
    m_session->listImages([this, gen, oneDone](const QList<client::ImageInfo>& list, const client::RpcError& e) {
        if (gen != m_gen) return;
        if (e.isError()) fail(tr("Could not list the images"), e);
        else m_list = list;
        oneDone();
    });
    m_session->listContainers(
        true, [this, gen, oneDone](const QList<client::ContainerSummary>& list, const client::RpcError& e) {
            if (gen != m_gen) return;
            if (!e.isError()) m_containers = list;
            oneDone();
        });
    m_session->systemDf([this, gen, oneDone](const client::SystemDf& df, const client::RpcError& e) {
        if (gen != m_gen) return;
        m_haveDf = !e.isError();
        if (m_haveDf) m_df = df;
        oneDone();
    });
}

void ImagesPage::fill()
{
    if (m_haveDf) {
        m_dfImages->setText(tr("Images: %1 (%2 in use), %3")
                                .arg(Units::count(m_df.images.count), Units::count(m_df.images.active),
                                     Units::bytes(double(m_df.images.size))));
        m_dfContainers->setText(tr("Containers: %1 (%2 running), %3")
                                    .arg(Units::count(m_df.containers.count), Units::count(m_df.containers.active),
                                         Units::bytes(double(m_df.containers.size))));
        m_dfReclaim->setText(
            tr("Reclaimable: %1").arg(Units::bytes(double(m_df.images.reclaimable + m_df.containers.reclaimable))));
    } else {
        for (QLabel* l : {m_dfImages, m_dfContainers, m_dfReclaim}) l->setText(QStringLiteral("—"));
    }

    const QString keep = selectedId();
    m_images->setSortingEnabled(false);
    m_images->setRowCount(int(m_list.size()));
    QLocale locale;
    for (int row = 0; row < m_list.size(); ++row) {
        const client::ImageInfo& im = m_list[row];
        qint64 users = 0;
        QStringList userNames;
        for (const client::ContainerSummary& c : std::as_const(m_containers))
            if (c.imageId == im.id) {
                ++users;
                userNames << c.name;
            }
        const QDateTime created = QDateTime::fromString(im.created, Qt::ISODateWithMs);
        auto* name = new ValueItem(im.reference(), im.reference());
        name->setData(Qt::UserRole, im.id);
        name->setToolTip(im.repoTags.isEmpty() ? im.reference() : im.repoTags.join(QLatin1Char('\n')));
        auto* id = new ValueItem(im.shortId, im.id);
        id->setToolTip(im.id);
        id->setFont(QFont(QStringLiteral("monospace")));
        auto* size = new ValueItem(Units::bytes(double(im.size)), im.size);
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        size->setToolTip(tr("%1 shared with other images, %2 only this one's")
                             .arg(Units::bytes(double(im.sharedSize)), Units::bytes(double(im.uniqueSize))));
        auto* shared = new ValueItem(Units::bytes(double(im.sharedSize)), im.sharedSize);
        shared->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* when =
            new ValueItem(created.isValid() ? locale.toString(created.toLocalTime(), QLocale::ShortFormat) : im.created,
                          created.isValid() ? QVariant(created.toMSecsSinceEpoch()) : QVariant(im.created));
        auto* used = new ValueItem(Units::count(users), users);
        used->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (!userNames.isEmpty()) used->setToolTip(userNames.join(QStringLiteral(", ")));
        m_images->setItem(row, Name, name);
        m_images->setItem(row, Id, id);
        m_images->setItem(row, Size, size);
        m_images->setItem(row, Shared, shared);
        m_images->setItem(row, Created, when);
        m_images->setItem(row, Containers, used);
    }
    m_images->setSortingEnabled(true);
    if (!keep.isEmpty()) selectImage(keep);
    else if (m_images->rowCount() > 0 && m_images->selectionModel()->selectedRows().isEmpty()) m_images->selectRow(0);
    else showLayers();
}

QString ImagesPage::selectedId() const
{
    const auto rows = m_images->selectionModel()->selectedRows(Name);
    return rows.isEmpty() ? QString() : rows.first().data(Qt::UserRole).toString();
}

bool ImagesPage::selectImage(const QString& reference)
{
    for (int row = 0; row < m_images->rowCount(); ++row) {
        const QTableWidgetItem* it = m_images->item(row, Name);
        if (!it) continue;
        const QString id = it->data(Qt::UserRole).toString();
        if (it->text() == reference || id == reference ||
            (reference.size() >= 3 && id.startsWith(QStringLiteral("sha256:") + reference))) {
            if (selectedId() == id) showLayers();
            else m_images->selectRow(row);
            return true;
        }
    }
    return false;
}

void ImagesPage::showLayers()
{
    const QString id = selectedId();
    const quint64 gen = ++m_layerGen;
    if (id.isEmpty()) {
        m_layers->setRowCount(0);
        return;
    }
    m_session->inspectImage(id, [this, gen, id](const client::ImageDetail& d, const client::RpcError& e) {
        if (gen != m_layerGen) return;
        if (e.isError()) {
            fail(tr("Could not read the image's layers"), e);
            m_layers->setRowCount(0);
            return;
        }
        m_layers->setRowCount(int(d.layerSizes.size()));
        for (int row = 0; row < d.layerSizes.size(); ++row) {
            const client::ImageLayerSize& l = d.layerSizes[row];
            QStringList others;
            for (const client::ImageInfo& im : std::as_const(m_list))
                if (im.id != id && im.layers.contains(l.diffId)) others << im.reference();
            auto* name = new ValueItem(shortDigest(l.diffId), l.diffId);
            name->setToolTip(l.diffId);
            name->setFont(QFont(QStringLiteral("monospace")));
            auto* size = new ValueItem(Units::bytes(double(l.size)), l.size);
            size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* shared = new ValueItem(others.isEmpty() ? tr("only this image") : others.join(QStringLiteral(", ")),
                                         others.join(QLatin1Char('\n')));
            if (others.isEmpty()) shared->setForeground(palette().color(QPalette::PlaceholderText));
            m_layers->setItem(row, LayerId, name);
            m_layers->setItem(row, LayerSize, size);
            m_layers->setItem(row, SharedWith, shared);
        }
        emit layersShown();
    });
}

void ImagesPage::fail(const QString& text, const client::RpcError& e)
{
    if (e.errc == QLatin1String("connection_lost") || e.errc == QLatin1String("not_connected")) return;
    m_lastError = text + QStringLiteral(": ") + client::ErrorText::explain(e);
    emit failed(m_lastError);
}

void ImagesPage::openPullDialog()
{
    if (!m_pullDialog) {
        m_pullDialog = new PullDialog(m_session, this);
        connect(m_pullDialog, &PullDialog::pulled, this, [this](const client::ImageInfo& im) {
            connect(
                this, &ImagesPage::refreshed, this, [this, id = im.id] { selectImage(id); }, Qt::SingleShotConnection);
            refresh();
        });
    }
    m_pullDialog->show();
    m_pullDialog->raise();
    m_pullDialog->activateWindow();
}

void ImagesPage::removeSelected()
{
    const QString id = selectedId();
    if (id.isEmpty()) return;
    QString ref;
    bool builtin = false;
    QStringList users;
    for (const client::ImageInfo& im : std::as_const(m_list))
        if (im.id == id) {
            ref = im.reference();
            builtin = im.builtin;
        }
    for (const client::ContainerSummary& c : std::as_const(m_containers))
        if (c.imageId == id) users << c.name;
    QMessageBox ask(QMessageBox::Question, tr("Remove image"), tr("Remove the image %1?").arg(ref),
                    QMessageBox::NoButton, this);
    ask.setInformativeText(
        builtin ? tr("Its layers are deleted unless another image uses them. The built-in image comes back when the "
                     "helper next starts.")
                : tr("Its layers are deleted unless another image uses them. A registry can give it back with Pull."));
    QPushButton* yes = ask.addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    ask.addButton(QMessageBox::Cancel);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.setObjectName(QStringLiteral("removeImageConfirm"));
    ask.exec();
    if (ask.clickedButton() != yes) return;
    m_session->removeImage(id, false, [this, id, ref, users](const client::RpcError& e) {
        if (!e.isError()) {
            emit imageRemoved(id);
            refresh();
            return;
        }
        QString text;
        if (e.errc == QLatin1String("bad_state"))
            text = users.isEmpty() ? tr("The image %1 is used by a container. Remove the container first.").arg(ref)
                                   : tr("The image %1 is used by %n container(s): %2. Remove them first.", nullptr,
                                        int(users.size()))
                                         .arg(ref, users.join(QStringLiteral(", ")));
        else if (e.errc == QLatin1String("permission_denied"))
            text = tr("Only root may remove images: every user of this computer shares them.");
        else text = tr("Could not remove the image %1: %2").arg(ref, client::ErrorText::explain(e));
        m_lastError = text;
        emit failed(text);
        QMessageBox box(QMessageBox::Warning, tr("Image not removed"), text, QMessageBox::Ok, this);
        box.setObjectName(QStringLiteral("removeImageError"));
        box.setDetailedText(client::ErrorText::details(e));
        box.exec();
    });
}

QString ImagesPage::archiveStatus() const { return m_archiveLabel->text(); }

void ImagesPage::saveSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || archiveBusy()) return;
    QString base = QStringLiteral("image");
    for (const client::ImageInfo& im : std::as_const(m_list))
        if (im.id == id)
            base = im.reference().section(QLatin1Char('/'), -1).replace(QLatin1Char(':'), QLatin1Char('-'));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save image"), QDir::home().filePath(base + QStringLiteral(".tar")),
                                     tr("Tar archives (*.tar);;All files (*)"));
    if (!path.isEmpty()) saveSelectedTo(path);
}

void ImagesPage::loadFromFile()
{
    if (archiveBusy()) return;
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load images"), QDir::homePath(),
                                     tr("Image archives (*.tar *.tar.gz *.tgz *.tar.zst);;All files (*)"));
    if (!path.isEmpty()) loadFrom(path);
}

void ImagesPage::saveSelectedTo(const QString& path)
{
    const QString id = selectedId();
    if (id.isEmpty() || archiveBusy()) return;
    QString ref = id;
    for (const client::ImageInfo& im : std::as_const(m_list))
        if (im.id == id) ref = im.builtin || !im.repoTags.isEmpty() ? im.reference() : id;
    const QString file = QFileInfo(path).absoluteFilePath();
    archiveStarted(file, {ArchiveDone::Saving, ref, file, {}, 0, 0});
    m_session->saveImages({ref}, file, [this, ref, file](const client::RpcError& e) {
        if (e.isError()) return archiveFailed(false, tr("Could not save the image %1").arg(ref), e);
        archiveFinished({ArchiveDone::Saved, ref, file, {}, QFileInfo(file).size(), 0});
        emit saved(file);
    });
}

void ImagesPage::loadFrom(const QString& path)
{
    if (archiveBusy()) return;
    const QString file = QFileInfo(path).absoluteFilePath();
    archiveStarted(file, {ArchiveDone::Loading, {}, file, {}, 0, 0});
    m_session->loadImages(file, [this, file](const QList<client::ImageInfo>& images, const client::RpcError& e) {
        if (e.isError()) return archiveFailed(true, tr("Could not load %1").arg(file), e);
        QStringList names, ids;
        for (const client::ImageInfo& im : images) {
            names << im.reference();
            ids << im.id;
        }
        archiveFinished({ArchiveDone::Loaded, {}, file, names.join(QStringLiteral(", ")), 0, int(images.size())});
        if (!ids.isEmpty())
            connect(
                this, &ImagesPage::refreshed, this, [this, id = ids.first()] { selectImage(id); },
                Qt::SingleShotConnection);
        refresh();
        emit loaded(ids);
    });
}

QString ImagesPage::archiveText() const
{
    const ArchiveDone& d = m_archiveDone;
    switch (d.kind) {
    case ArchiveDone::Saving: return tr("Saving %1 to %2…").arg(d.ref, d.file);
    case ArchiveDone::Saved: return tr("Saved %1 to %2 (%3).").arg(d.ref, d.file, Units::bytes(double(d.bytes)));
    case ArchiveDone::Loading: return tr("Loading %1…").arg(d.file);
    case ArchiveDone::Loaded: return tr("Loaded %n image(s) from %1: %2", nullptr, d.count).arg(d.file, d.names);
    case ArchiveDone::None: break;
    }
    return QString();
}

void ImagesPage::archiveStarted(const QString& path, const ArchiveDone& what)
{
    m_archivePath = path;
    m_archiveDone = what;
    m_save->setEnabled(false);
    m_load->setEnabled(false);
    m_archiveLabel->setText(archiveText());
    m_archiveLabel->show();
    m_archiveBar->setRange(0, 0);  // busy until the helper says how far
    m_archiveBar->setFormat(QString());
    m_archiveBar->show();
}

void ImagesPage::archiveProgress(const client::ArchiveProgress& p)
{
    if (m_archivePath.isEmpty() || p.path != m_archivePath) return;
    if (p.total <= 0) {
        m_archiveBar->setRange(0, 0);
        m_archiveBar->setFormat(p.phaseText());
        return;
    }
    // Bytes in KiB so that archives past 2 GiB fit the bar's int.
    const bool bytes = p.countsBytes();
    const int max = int(bytes ? (p.total + 1023) / 1024 : p.total),
              value = int(bytes ? (p.current + 1023) / 1024 : p.current);
    m_archiveBar->setRange(0, std::max(max, 1));
    m_archiveBar->setValue(std::min(value, std::max(max, 1)));
    m_archiveBar->setFormat(
        bytes ? tr("%1: %2 of %3").arg(p.phaseText(), Units::bytes(double(p.current)), Units::bytes(double(p.total)))
              : tr("%1: %2 of %3").arg(p.phaseText(), Units::count(p.current), Units::count(p.total)));
}

void ImagesPage::archiveFinished(const ArchiveDone& what)
{
    m_archivePath.clear();
    m_archiveDone = what;
    m_archiveBar->hide();
    m_archiveLabel->setText(archiveText());
    m_load->setEnabled(true);
    m_save->setEnabled(!selectedId().isEmpty());
}

void ImagesPage::archiveFailed(bool load, const QString& what, const client::RpcError& e)
{
    archiveFinished({});
    m_archiveLabel->hide();
    if (e.errc == QLatin1String("connection_lost") || e.errc == QLatin1String("not_connected")) return;
    const QString text = load && e.errc == QLatin1String("permission_denied")
                             ? tr("Only root may load images: their names are shared by every user of this computer.")
                             : what + QStringLiteral(": ") + client::ErrorText::explain(e);
    m_lastError = text;
    emit failed(text);
    QMessageBox box(QMessageBox::Warning, load ? tr("Images not loaded") : tr("Image not saved"), text, QMessageBox::Ok,
                    this);
    box.setObjectName(QStringLiteral("archiveError"));
    box.setDetailedText(client::ErrorText::details(e));
    box.exec();
}

}  // namespace gui
}  // namespace onggi
