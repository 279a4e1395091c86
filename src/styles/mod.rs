//! The widget's stylesheets. The CSS is written once, in the `.css` files beside this one, and
//! build.rs makes each sheet from them at build time (lightningcss: composed, minified, and for
//! the page itself with `:host` as the element's tag); here they are constants, so nothing is
//! rewritten at run time and no CSS is written in Rust.
//!
//! | sheet | made of | for |
//! | --- | --- | --- |
//! | [`SHADOW`] | container.css, the widget | the live widget's shadow root |
//! | [`STATIC_SHADOW`] | container.css, the widget, no-script.css | `grade-widget render --shadow-root` |
//! | [`STATIC_LIGHT`] | the widget, container.css, light-dom.css, no-script.css; `:host` → `grade-widget` | `grade-widget render --stylesheet`, the report builder |
//!
//! The widget is theme.css, base.css, layout.css, parts.css and modes.css, in that order.
//!
//! Everything visible is styled by classes, no style attributes, so the widget runs under a
//! strict CSP.

/// The live widget's shadow root (a constructable stylesheet, so no `<style>` element and no
/// `style-src 'unsafe-inline'`; src/embed/shadow.rs).
pub const SHADOW: &str = include_str!(concat!(env!("OUT_DIR"), "/shadow.css"));

/// For markup in a declarative shadow root (src/prerender.rs, `shadow_stylesheet`): the live
/// widget's sheet, plus the rules that quiet the copy's controls until the widget adopts it.
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub const STATIC_SHADOW: &str = include_str!(concat!(env!("OUT_DIR"), "/static-shadow.css"));

/// For markup in the page itself (src/prerender.rs, `stylesheet`): the same rules with each
/// `:host` / `:host(X)` as `grade-widget` / `grade-widgetX`, so the same defaults, themes and
/// layout apply to the element, plus the light DOM's margin reset and the quieted controls.
/// Native and the builder's wasm only (the `ssr` feature): the widget's bundle has none of it.
#[cfg(any(not(target_arch = "wasm32"), feature = "ssr"))]
pub const STATIC_LIGHT: &str = include_str!(concat!(env!("OUT_DIR"), "/static-light.css"));

#[cfg(test)]
mod tests {
    use super::*;

    /// The widget's rules as written.
    const SOURCE: &str = concat!(
        include_str!("theme.css"),
        include_str!("base.css"),
        include_str!("layout.css"),
        include_str!("parts.css"),
        include_str!("modes.css"),
    );

    #[test]
    fn the_minified_stylesheet_keeps_what_the_shadow_root_needs() {
        assert!(SHADOW.len() * 10 < SOURCE.len() * 8, "{} -> {} bytes", SOURCE.len(), SHADOW.len());
        assert!(!SHADOW.contains("/*") && !SHADOW.contains('\n') && !SHADOW.contains("  "));
        // The container's wall first; the host element's rules, container queries, forced
        // colours, print, dark mode (light-dark) and reduced motion; spaces that are descendant
        // combinators; generated content.
        assert!(SHADOW.starts_with(":host>.gw-container{all:initial;"), "{}", &SHADOW[..80]);
        assert!(SHADOW.contains(":host{--gw-text:#0b0c0c;"), "the host's defaults");
        for kept in [
            ":host{", ":host([hidden]){", ":host([theme=dark]){", "@container gw (", "@media (forced-colors:active){",
            "@media print{", "@supports (color:light-dark(", "@media (prefers-reduced-motion:reduce){",
            ".gw [tabindex=\"-1\"]:focus-visible", ".gw :focus", ":where(.gw) :where(", "attr(data-label) \": \"",
        ] {
            assert!(SHADOW.contains(kept), "lost {kept:?}");
        }
        // Every theming custom property and every class the source styles is still there.
        for name in words(SOURCE, "--gw-").into_iter().chain(words(SOURCE, ".gw")) {
            assert!(SHADOW.contains(&name), "lost {name}");
        }
        // As many container queries as the source has.
        assert_eq!(SHADOW.matches("@container").count(), SOURCE.matches("@container").count());
    }

    #[test]
    fn the_static_sheets_are_the_widgets_with_the_copy_rules() {
        // In a shadow root: the live sheet, then the quieted controls, scoped to the attribute
        // the widget removes once it has adopted the copy.
        let rest = STATIC_SHADOW.strip_prefix(SHADOW).expect("starts with the live widget's sheet");
        assert!(rest.contains(&format!("[{}]", crate::hydration::FINGERPRINT_ATTR)), "{rest}");
        assert!(rest.contains(".gw-export") && rest.contains(".gw-detail__back{display:none}"), "{rest}");
        // In the page: no `:host` left; the element's own rules and the wall are on the tag.
        assert!(!STATIC_LIGHT.contains(":host"), "a :host selector survived");
        for want in [
            "grade-widget{--gw-text:#0b0c0c;",
            "grade-widget[hidden]{display:none}",
            "grade-widget[theme=dark]{",
            "grade-widget,grade-widget[theme],grade-widget:not([theme=light]){",
            "grade-widget>.gw-container{all:initial;",
            ":where(grade-widget>.gw-container) :is(h2,h3,h4,h5,h6,p,ul,dl,dd,figure,details){margin:0}",
            "grade-widget>.gw-container[data-gw-hydrate] button.gw-link{color:inherit;cursor:auto;text-decoration:none}",
        ] {
            assert!(STATIC_LIGHT.contains(want), "lacks {want}");
        }
        // Every class rule of the widget is there.
        assert_eq!(STATIC_LIGHT.matches(".gw-").count(), STATIC_SHADOW.matches(".gw-").count() + 1);
    }

    /// Each distinct name in `css` starting with `prefix` (custom properties, class names).
    fn words(css: &str, prefix: &str) -> std::collections::BTreeSet<String> {
        let is_name = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        css.match_indices(prefix)
            .map(|(i, _)| css[i..].chars().take_while(|&c| c == '.' || is_name(c)).collect::<String>())
            .filter(|w| w.len() > prefix.len())
            .collect()
    }
}
