package fr.bassinminier.atlas.render;

import fr.bassinminier.atlas.model.project.LoadedProject;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.BooleanSupplier;

/** Renders a loaded project into an image: the PNG export and the screen both go through here. */
public final class ImageRenderer {
    private final MapRenderer renderer = new MapRenderer();

    public BufferedImage render(LoadedProject project, Viewport vp, RenderOptions opts, BooleanSupplier cancelled) {
        BufferedImage img = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            renderer.render(g, vp, project.layers(), opts, cancelled);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The options a project asks for: its indicative-data notice and its layers' sources. */
    public static RenderOptions optionsFor(LoadedProject p, RenderOptions base) {
        String notice = p.project().indicative()
                ? (p.project().notice() != null ? p.project().notice() : "Données indicatives") : null;
        java.util.LinkedHashSet<String> sources = new java.util.LinkedHashSet<>();
        for (var l : p.layers()) {
            if (l.isLoaded() && l.entry().visible() && l.entry().attribution() != null) sources.add(l.entry().attribution());
        }
        String attribution = sources.isEmpty() ? null : "Sources : " + String.join(" ; ", sources);
        return base.withNotice(notice, attribution);
    }
}
