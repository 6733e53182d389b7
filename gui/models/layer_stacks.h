// What the Layers view draws: one stack per image and per container, bottom layer first. A
// layer (its diff_id) is the same block in every stack that uses it, so sharing shows; a
// container's stack is its image's layers with its own writable layer (the overlay upper
// directory) on top. Built from the helper's typed answers only (images.list, images.inspect's
// layer sizes, container.list, system.df's per-container sizes); no drawing here.
#pragma once

#include "client/container_summary.h"
#include "client/image_info.h"

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace onggi::gui {

struct LayerBlock {
    QString diffId;    // empty: a container's writable layer
    qint64 size = -1;  // bytes; -1 when not known (yet)
    bool writable() const { return diffId.isEmpty(); }
};

struct LayerColumn {
    enum Kind { Image, Container };
    Kind kind = Image;
    QString id;                // image id (sha256:...) or container id
    QString title;             // image reference, or container name
    QString imageId;           // a container's image (empty when that image was removed)
    QString state;             // a container's state (created | running | paused | exited)
    QList<LayerBlock> blocks;  // bottom first; a container's writable layer last
};

struct LayerStacks {
    QList<LayerColumn> columns;  // images first (in list order), then containers
    QStringList layers;          // every diff_id once, in the order first met (bottom-up, image by image)

    // `layerSizes`: diff_id -> bytes; `writableSizes`: container id -> bytes of its upper directory.
    static LayerStacks build(const QList<client::ImageInfo>& images, const QHash<QString, qint64>& layerSizes,
                             const QList<client::ContainerSummary>& containers,
                             const QHash<QString, qint64>& writableSizes);

    // The columns that have this layer (images and containers), by index.
    QList<int> usersOf(const QString& diffId) const;
    // A colour for each layer, the same in every column, far apart for neighbours; `dark` for a
    // dark palette.
    QColor colorOf(const QString& diffId, bool dark) const;
};

}  // namespace onggi::gui
