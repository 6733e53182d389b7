#include "gui/models/layer_stacks.h"

#include <cmath>

namespace onggi::gui {

LayerStacks LayerStacks::build(const QList<client::ImageInfo>& images, const QHash<QString, qint64>& layerSizes,
                               const QList<client::ContainerSummary>& containers,
                               const QHash<QString, qint64>& writableSizes)
{
    LayerStacks s;
    QHash<QString, const client::ImageInfo*> byId;
    auto blocksOf = [&](const client::ImageInfo& im) {
        QList<LayerBlock> out;
        for (const QString& d : im.layers) {
            out.push_back(LayerBlock{d, layerSizes.value(d, -1)});
            if (!s.layers.contains(d)) s.layers.push_back(d);
        }
        return out;
    };
    for (const client::ImageInfo& im : images) {
        byId.insert(im.id, &im);
        LayerColumn c;
        c.kind = LayerColumn::Image;
        c.id = im.id;
        c.title = im.reference();
        c.imageId = im.id;
        c.blocks = blocksOf(im);
        s.columns.push_back(c);
    }
    for (const client::ContainerSummary& ct : containers) {
        LayerColumn c;
        c.kind = LayerColumn::Container;
        c.id = ct.id;
        c.title = ct.name;
        c.state = ct.state;
        if (const client::ImageInfo* im = byId.value(ct.imageId, nullptr)) {
            c.imageId = im->id;
            c.blocks = blocksOf(*im);
        }
        c.blocks.push_back(LayerBlock{QString(), writableSizes.value(ct.id, -1)});
        s.columns.push_back(c);
    }
    return s;
}

QList<int> LayerStacks::usersOf(const QString& diffId) const
{
    QList<int> out;
    for (int i = 0; i < columns.size(); ++i)
        for (const LayerBlock& b : columns[i].blocks)
            if (!b.writable() && b.diffId == diffId) {
                out.push_back(i);
                break;
            }
    return out;
}

QColor LayerStacks::colorOf(const QString& diffId, bool dark) const
{
    const int i = int(layers.indexOf(diffId));
    // Hues by the golden angle: each next layer far from the one before.
    const int hue = i < 0 ? 0 : int(std::fmod(30.0 + i * 137.508, 360.0));
    return dark ? QColor::fromHsv(hue, 150, 120) : QColor::fromHsv(hue, 70, 240);
}

}  // namespace onggi::gui
