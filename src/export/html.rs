//! A self-contained HTML report: the article with its mentions, the story graph, the facts.

use std::fmt::Write as _;
use std::io::Write;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::geometry::{Point, Position};
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::dot::{self, Look};
use super::story::{literal_text, local_name, Story};
use crate::graph::{Evidence, FactObject, Node, NodeKind};
use crate::vocab::{ng, schema};
use crate::{ExportError, KnowledgeGraph};

/// The most story nodes the report lays out as SVG; a larger picture is left out with a note
/// (the layout grows faster than linearly, and such a picture is unreadable anyway).
pub const MAX_LAID_OUT_NODES: usize = 400;

/// The font size of edge labels, in SVG pixels.
const EDGE_FONT_SIZE: usize = 11;

/// The empty space around a node of the graph, in SVG pixels.
const NODE_MARGIN: f64 = 12.;

/// The font size of the graph's labels, in SVG pixels.
const FONT_SIZE: usize = 13;

const STYLE: &str = "\
body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;margin:0;color:#1d1d1f;background:#fafafa;line-height:1.5}
header{background:#24364b;color:#fff;padding:1rem 2rem}
header h1{margin:0;font-size:1.4rem}
header p{margin:.2rem 0 0;opacity:.85}
nav a{color:#cfe3ff;margin-right:1rem}
main{padding:1rem 2rem;max-width:90rem}
section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1.5rem 1rem;margin:1rem 0}
h2{font-size:1.15rem}
.text{white-space:pre-wrap;font-family:Georgia,'Times New Roman',serif;font-size:1.05rem;max-width:48rem}
a.m,span.m{border-radius:3px;padding:0 1px;color:inherit;text-decoration:none;border-bottom:2px solid #888}
span.m{border-bottom-style:dotted}
a.m:hover{outline:1px solid #333}
.k-person{background:#a8d5f2}.k-organisation{background:#ffd380}.k-place{background:#b7e4a8}
.k-event{background:#f4a6a6}.k-quantity{background:#e0d4f5}.k-claim,.k-quote{background:#fff3b0}
.k-document{background:#d9d9d9}.k-legal{background:#c9f0e8}.k-other{background:#eee}
.graph{overflow:auto;max-height:80vh;border:1px solid #eee}
.graph svg{display:block;max-width:none;height:auto}
.legend span{display:inline-block;padding:0 .5rem;margin:.2rem;border-radius:3px;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #e4e4e4;padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f2f2f2;position:sticky;top:0}
td.sentence{max-width:34rem;color:#444}
code{font-size:.8rem;color:#555;word-break:break-all}
ul.entities{columns:2 22rem}
ul.entities li{break-inside:avoid;margin-bottom:.3rem}
li:target,tr:target{outline:2px solid #24364b}
.none{color:#777;font-style:italic}
";

/// Serializes one or more [`KnowledgeGraph`]s as one self-contained
/// [HTML](https://html.spec.whatwg.org/) page.
///
/// The page has the story graph of all the articles as inline SVG (laid out in Rust by
/// [`layout-rs`](https://crates.io/crates/layout-rs), so no Graphviz is needed), then for each
/// article its text with every mention highlighted and linked to its entity, the list of
/// entities, a table of facts with the sentence and the rule that state each one, and the
/// diagnostics. The page loads nothing (no script, font, style sheet or image from the
/// network; a `Content-Security-Policy` forbids it) and needs no JavaScript.
///
/// NB: the output is byte-stable, and every text of the article is escaped: markup in the
/// article is shown, never interpreted, and control characters become U+FFFD.
///
/// ```
/// use newsgraph::export::HtmlSerializer;
/// let graph = newsgraph::extract("STRASBOURG (France) • The European Court of Human Rights ruled against Russia.\n")?;
/// let mut serializer = HtmlSerializer::new().for_writer(Vec::new());
/// serializer.serialize_graph(&graph)?;
/// let html = String::from_utf8(serializer.finish()?)?;
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("<svg"));
/// assert!(html.contains(">European Court of Human Rights</a> ruled against"));
/// # Ok::<_, Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
#[must_use]
pub struct HtmlSerializer {
    without_graph: bool,
}

impl HtmlSerializer {
    /// A serializer of the whole report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Leaves the story graph out (the rest of the report stays).
    pub fn without_graph(mut self) -> Self {
        self.without_graph = true;
        self
    }

    /// Writes to `writer`.
    pub fn for_writer<W: Write>(self, writer: W) -> WriterHtmlSerializer<W> {
        WriterHtmlSerializer { writer, options: self, graphs: Vec::new() }
    }
}

/// An [`HtmlSerializer`] bound to a writer; output is written by [`finish`](Self::finish).
#[must_use]
pub struct WriterHtmlSerializer<W: Write> {
    writer: W,
    options: HtmlSerializer,
    graphs: Vec<KnowledgeGraph>,
}

impl<W: Write> WriterHtmlSerializer<W> {
    /// Adds a graph; all graphs are in one page, their story drawn together.
    ///
    /// # Errors
    /// None today; the signature matches the other serializers.
    pub fn serialize_graph(&mut self, graph: &KnowledgeGraph) -> Result<(), ExportError> {
        self.graphs.push(graph.clone());
        Ok(())
    }

    /// Writes the page and returns the writer.
    ///
    /// # Errors
    /// [`ExportError::Io`] when the writer fails.
    pub fn finish(mut self) -> Result<W, ExportError> {
        let page = page(&self.graphs, !self.options.without_graph);
        self.writer.write_all(page.as_bytes())?;
        Ok(self.writer)
    }
}

/// Escapes text for HTML content and attribute values; control characters other than line
/// breaks and tabs become U+FFFD, a carriage return is dropped.
#[must_use]
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            '\r' => {}
            '\n' | '\t' => escaped.push(character),
            other if other.is_control() => escaped.push(char::REPLACEMENT_CHARACTER),
            other => escaped.push(other),
        }
    }
    escaped
}

/// Text for a label drawn by the layout crate (which escapes markup itself): control
/// characters become U+FFFD.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() && c != '\n' { char::REPLACEMENT_CHARACTER } else { c })
        .collect()
}

/// The CSS class of a look, such as `k-person`.
fn kind_class(look: Look) -> String {
    format!("k-{}", look.legend)
}

/// The anchor of a node of article `article` (1-based), by its index among the graph's nodes.
fn anchor(article: usize, node_index: usize) -> String {
    format!("a{article}-n{node_index}")
}

fn page(graphs: &[KnowledgeGraph], with_graph: bool) -> String {
    let mut html = String::new();
    let title = graphs
        .first()
        .and_then(|graph| graph.document().sentences.first())
        .map(|sentence| super::story::truncate(&sentence.text, 80))
        .unwrap_or_default();
    let n_facts: usize = graphs.iter().map(|graph| report_facts(graph).len()).sum();
    // `fmt::Write` for String cannot fail; the results are ignored for that reason.
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"newsgraph {}\">\n\
         <title>newsgraph report: {}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title),
    );
    let _ = write!(
        html,
        "<header>\n<h1>newsgraph report</h1>\n<p>{} article{}, {} facts</p>\n<nav>",
        graphs.len(),
        if graphs.len() == 1 { "" } else { "s" },
        n_facts,
    );
    if with_graph {
        html.push_str("<a href=\"#graph\">Story graph</a>");
    }
    for article in 1..=graphs.len() {
        let suffix = if graphs.len() == 1 { String::new() } else { format!(" {article}") };
        let _ = write!(
            html,
            "<a href=\"#article-{article}\">Article{suffix}</a><a href=\"#facts-{article}\">Facts{suffix}</a><a href=\"#diagnostics-{article}\">Diagnostics{suffix}</a>",
        );
    }
    html.push_str("</nav>\n</header>\n<main>\n");
    if with_graph {
        let references: Vec<&KnowledgeGraph> = graphs.iter().collect();
        let story = Story::of(&references);
        html.push_str("<section id=\"graph\">\n<h2>Story graph</h2>\n");
        html.push_str(
            "<p>Who did what, as the article says it: events with their roles, people and organisations, quotes by speaker; places and quantities are lines of what they qualify.</p>\n",
        );
        html.push_str("<p class=\"legend\">");
        for look in [dot::PERSON, dot::ORGANISATION, dot::PLACE, dot::EVENT, dot::QUOTE, dot::LEGAL]
        {
            let _ = write!(html, "<span class=\"{}\">{}</span>", kind_class(look), look.legend);
        }
        html.push_str("</p>\n<div class=\"graph\">\n");
        match story_svg(&story) {
            Some(svg) => html.push_str(&svg),
            None if story.nodes.is_empty() => {
                html.push_str("<p class=\"none\">The story has no nodes.</p>\n");
            }
            None => {
                let _ = writeln!(
                    html,
                    "<p class=\"none\">The story has {} nodes, too many to lay out here (at most {MAX_LAID_OUT_NODES}); render <code>newsgraph extract --format dot</code> with Graphviz instead.</p>",
                    story.nodes.len()
                );
            }
        }
        html.push_str("</div>\n</section>\n");
    }
    for (position, graph) in graphs.iter().enumerate() {
        article_sections(&mut html, graph, position + 1);
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// The story as an SVG element, or `None` when it is empty, too large, or the layout fails.
fn story_svg(story: &Story) -> Option<String> {
    if story.nodes.is_empty() || story.nodes.len() > MAX_LAID_OUT_NODES {
        return None;
    }
    let orientation = Orientation::LeftToRight;
    // The layout crate asserts on shapes it cannot place; a picture is not worth a panic, so
    // a failed layout leaves the picture out (the rest of the report stands).
    let laid_out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut graph = VisualGraph::new(orientation);
        let mut handles = Vec::with_capacity(story.nodes.len());
        for node in &story.nodes {
            let label = clean(&dot::story_label(node).join("\n"));
            let shape = if node.look == dot::PERSON {
                ShapeKind::new_circle(&label)
            } else {
                ShapeKind::new_box(&label)
            };
            let rounded = if node.look == dot::EVENT { 12 } else { 2 };
            let fill = Color::from_name(node.look.fill);
            let look = StyleAttr::new(Color::fast("#555555"), 1, fill, rounded, FONT_SIZE);
            let size = node_size(&label, node.look == dot::PERSON);
            let mut element = Element::create(shape, look, orientation, size);
            // The crate's default margin around a node (60 px) made the demo's picture
            // 7,300 px wide; a small one keeps it near a screen's width.
            element.pos =
                Position::new(Point::zero(), size, Point::zero(), Point::splat(NODE_MARGIN));
            handles.push(graph.add_node(element));
        }
        for (edge_index, edge) in story.edges.iter().enumerate() {
            let (Some(&from), Some(&to)) = (handles.get(edge.from), handles.get(edge.to)) else {
                continue;
            };
            // No text for the crate: it would give each label a place of its own in the
            // layout, which made the picture twice as high and far wider. The label is put on
            // the drawn path afterwards (`label_edges`), found by this attribute.
            let mut arrow =
                Arrow::simple_with_properties("", format!("data-edge=\"{edge_index}\""));
            arrow.look = StyleAttr::new(Color::fast("#666666"), 1, None, 0, EDGE_FONT_SIZE);
            graph.add_edge(arrow, from, to);
        }
        let mut writer = SVGWriter::new();
        graph.do_it(false, false, false, &mut writer);
        // The crate grows the picture by the length of every text as if it ran downwards,
        // which left the demo's picture two-fifths empty; the nodes' own boxes say its size.
        let (mut width, mut height) = (0.0_f64, 0.0_f64);
        for handle in graph.iter_nodes() {
            let (_, bottom_right) = graph.pos(handle).bbox(true);
            width = width.max(bottom_right.x);
            height = height.max(bottom_right.y);
        }
        (writer.finalize(), width, height)
    }))
    .ok()?;
    let (laid_out, width, height) = laid_out;
    // Inline SVG needs no XML declaration.
    let svg = laid_out.get(laid_out.find("<svg ")?..)?;
    let header_end = svg.find('>')?;
    let size = if width > 0.0 && height > 0.0 {
        format!(
            "width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" xmlns=\"http://www.w3.org/2000/svg\""
        )
    } else {
        svg["<svg ".len()..header_end].to_owned()
    };
    let svg = format!(
        "<svg role=\"img\" aria-label=\"the story graph\" font-family=\"Helvetica, Arial, sans-serif\" {size}{}",
        &svg[header_end..]
    );
    // The crate styles text in Times; the page's sans-serif reads better at small sizes.
    let svg =
        svg.replace("font-family: Times, serif;", "font-family: Helvetica, Arial, sans-serif;");
    Some(label_edges(&sort_style_rules(&svg), story))
}

/// The SVG with each edge's label written on its path: the crate draws every edge as
/// `<g data-edge="N"><path id="arrowK" …/></g>` followed by an empty
/// `<textPath href="#arrowK" …></textPath>`, which gets the text of edge N.
fn label_edges(svg: &str, story: &Story) -> String {
    let mut labelled = String::with_capacity(svg.len() + story.edges.len() * 24);
    let mut rest = svg;
    while let Some(start) = rest.find("data-edge=\"") {
        let after = &rest[start + "data-edge=\"".len()..];
        let Some(number_end) = after.find('"') else { break };
        let label = after[..number_end]
            .parse::<usize>()
            .ok()
            .and_then(|index| story.edges.get(index))
            .map(|edge| escape(&clean(&edge.labels.join(", "))))
            .unwrap_or_default();
        // The empty text of this edge's path comes next.
        let Some(empty) = after.find("></textPath>") else { break };
        let cut = start + "data-edge=\"".len() + empty + 1;
        labelled.push_str(&rest[..cut]);
        labelled.push_str(&label);
        rest = &rest[cut..];
    }
    labelled.push_str(rest);
    labelled
}

/// The SVG with the lines of its first `<style>` element sorted: the layout crate writes them
/// from a `HashMap`, in a different order on every run.
fn sort_style_rules(svg: &str) -> String {
    let Some(start) = svg.find("<style>\n").map(|start| start + "<style>\n".len()) else {
        return svg.to_owned();
    };
    let Some(length) = svg[start..].find("</style>") else { return svg.to_owned() };
    let mut rules: Vec<&str> = svg[start..start + length].lines().collect();
    rules.sort_unstable();
    let mut sorted = String::with_capacity(svg.len());
    sorted.push_str(&svg[..start]);
    for rule in rules {
        sorted.push_str(rule);
        sorted.push('\n');
    }
    sorted.push_str(&svg[start + length..]);
    sorted
}

/// The size of a node with this label: the layout crate reckons a character as wide as the
/// font is high, twice what sans-serif text takes, which doubled the picture's width.
fn node_size(label: &str, ellipse: bool) -> Point {
    let n_lines = label.lines().count().max(1);
    let n_chars = label.lines().map(|line| line.chars().count()).max().unwrap_or(1).max(1);
    let font = FONT_SIZE as f64;
    let (width, height) = (n_chars as f64 * font * 0.6 + 16., n_lines as f64 * font * 1.25 + 10.);
    if ellipse {
        Point::new(width * 1.3, height * 1.4)
    } else {
        Point::new(width, height)
    }
}

/// The facts the report lists: every fact but the article's list of what it mentions.
fn report_facts(graph: &KnowledgeGraph) -> Vec<crate::Fact<'_>> {
    graph
        .facts()
        .filter(|fact| fact.predicate != schema::MENTIONS && fact.predicate != ng::MENTIONS_DATE)
        .collect()
}

/// The text, entities, facts and diagnostics of one article.
fn article_sections(html: &mut String, graph: &KnowledgeGraph, article: usize) {
    let document = graph.document();
    let nodes: Vec<&Node> = graph.nodes().map(|(_, node)| node).collect();
    let index_of = |iri: &str| nodes.binary_search_by(|node| node.iri.as_str().cmp(iri)).ok();
    let mentions = graph.mentions();

    // The article, its mentions highlighted.
    let _ = write!(
        html,
        "<section id=\"article-{article}\">\n<h2>Article{}</h2>\n<p><code>{}</code></p>\n<div class=\"text\">",
        if article > 1 || document.iri.is_empty() { format!(" {article}") } else { String::new() },
        escape(&document.iri),
    );
    let text = document.text.as_str();
    let mut position = 0;
    // Open mentions: where each ends and its closing tag.
    let mut open: Vec<(usize, &'static str)> = Vec::new();
    let close_until = |html: &mut String,
                       open: &mut Vec<(usize, &'static str)>,
                       position: &mut usize,
                       limit: usize| {
        while let Some(&(end, tag)) = open.last() {
            if end > limit {
                break;
            }
            html.push_str(&escape(text.get(*position..end).unwrap_or_default()));
            html.push_str(tag);
            *position = end;
            open.pop();
        }
    };
    for (span, node) in &mentions {
        let valid = span.start < span.end
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
            && span.end <= text.len();
        if !valid || span.start < position {
            continue;
        }
        close_until(html, &mut open, &mut position, span.start);
        // A mention that crosses an open one is left out (mentions nest, never cross).
        if open.last().is_some_and(|&(end, _)| span.end > end) {
            continue;
        }
        html.push_str(&escape(text.get(position..span.start).unwrap_or_default()));
        position = span.start;
        let class = kind_class(dot::look(node));
        let title = escape(&node.label);
        match index_of(&node.iri) {
            // Links cannot nest: an inner mention is highlighted, its outer one links.
            Some(index) if open.is_empty() => {
                let _ = write!(
                    html,
                    "<a class=\"m {class}\" href=\"#{}\" title=\"{title}\">",
                    anchor(article, index)
                );
                open.push((span.end, "</a>"));
            }
            _ => {
                let _ = write!(html, "<span class=\"m {class}\" title=\"{title}\">");
                open.push((span.end, "</span>"));
            }
        }
    }
    close_until(html, &mut open, &mut position, usize::MAX);
    html.push_str(&escape(text.get(position..).unwrap_or_default()));
    html.push_str("</div>\n</section>\n");

    // The entities, grouped by kind.
    let mut listed: Vec<(usize, &Node)> = nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.kind != NodeKind::Document)
        .map(|(index, node)| (index, *node))
        .collect();
    let order = |node: &Node| {
        let look = dot::look(node);
        [dot::PERSON, dot::ORGANISATION, dot::PLACE, dot::EVENT, dot::CLAIM, dot::QUANTITY]
            .iter()
            .position(|known| *known == look)
            .unwrap_or(usize::MAX)
    };
    listed.sort_by(|left, right| {
        (order(left.1), &left.1.label, &left.1.iri).cmp(&(
            order(right.1),
            &right.1.label,
            &right.1.iri,
        ))
    });
    let _ = write!(
        html,
        "<section id=\"entities-{article}\">\n<h2>Entities, events and values ({})</h2>\n<ul class=\"entities\">\n",
        listed.len()
    );
    let mut mention_counts: std::collections::BTreeMap<&str, usize> =
        std::collections::BTreeMap::new();
    for (_, mentioned) in &mentions {
        *mention_counts.entry(mentioned.iri.as_str()).or_default() += 1;
    }
    for (index, node) in &listed {
        let n_mentions = mention_counts.get(node.iri.as_str()).copied().unwrap_or(0);
        let classes: Vec<&str> = node.classes.iter().map(|class| local_name(class)).collect();
        let _ = writeln!(
            html,
            "<li id=\"{}\"><span class=\"m {}\">{}</span> {} · {} mention{} <code>{}</code></li>",
            anchor(article, *index),
            kind_class(dot::look(node)),
            escape(&node.label),
            escape(&classes.join(", ")),
            n_mentions,
            if n_mentions == 1 { "" } else { "s" },
            escape(&node.iri),
        );
    }
    html.push_str("</ul>\n</section>\n");

    // The facts.
    let facts = report_facts(graph);
    let _ = write!(
        html,
        "<section id=\"facts-{article}\">\n<h2>Facts ({})</h2>\n<table>\n<thead><tr><th>subject</th><th>relation</th><th>object</th><th>sentence</th><th>rule</th></tr></thead>\n<tbody>\n",
        facts.len()
    );
    let node_cell = |node: &Node| match index_of(&node.iri) {
        // The article itself has no entry of its own to link to.
        Some(_) if node.kind == NodeKind::Document => escape(&node.label),
        Some(index) => {
            format!("<a href=\"#{}\">{}</a>", anchor(article, index), escape(&node.label))
        }
        None => escape(&node.label),
    };
    for fact in &facts {
        let object = match &fact.object {
            FactObject::Node(node) => node_cell(node),
            FactObject::Literal(value) => escape(&literal_text(value)),
        };
        let (sentence, rules) = evidence_cells(graph, fact.evidence);
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"sentence\">{}</td><td>{}</td></tr>",
            node_cell(fact.subject),
            escape(local_name(fact.predicate)),
            object,
            sentence,
            rules,
        );
    }
    html.push_str("</tbody>\n</table>\n</section>\n");

    // The diagnostics.
    let _ = write!(
        html,
        "<section id=\"diagnostics-{article}\">\n<h2>Diagnostics ({})</h2>\n",
        graph.diagnostics().len()
    );
    if graph.diagnostics().is_empty() {
        html.push_str("<p class=\"none\">None: the pipeline resolved everything it found.</p>\n");
    } else {
        html.push_str("<ul>\n");
        for diagnostic in graph.diagnostics() {
            let place = diagnostic
                .span
                .and_then(|span| text.get(..span.start))
                .map(|before| {
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().unwrap_or_default().chars().count() + 1;
                    format!("line {line}, column {column}: ")
                })
                .unwrap_or_default();
            let _ = writeln!(
                html,
                "<li>{}{} <code>({})</code></li>",
                escape(&place),
                escape(&diagnostic.message),
                escape(diagnostic.stage),
            );
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");
}

/// The sentence cell (the first sentence that states a fact, with how many more) and the rule
/// cell of a fact.
fn evidence_cells(graph: &KnowledgeGraph, evidence: &[Evidence]) -> (String, String) {
    let Some(first) = evidence.iter().min_by_key(|item| item.sentence) else {
        return ("<span class=\"none\">(from the lexicon)</span>".to_owned(), String::new());
    };
    let mut sentence = if first.is_dateline() {
        "<span class=\"none\">(the dateline)</span>".to_owned()
    } else {
        format!("{}. {}", first.sentence + 1, escape(graph.evidence_text(first)))
    };
    let mut sentences: Vec<usize> = evidence.iter().map(|item| item.sentence).collect();
    sentences.sort_unstable();
    sentences.dedup();
    if sentences.len() > 1 {
        let _ = write!(sentence, " <span class=\"none\">(+{} more)</span>", sentences.len() - 1);
    }
    let mut rules: Vec<&str> = evidence.iter().map(|item| &*item.rule).collect();
    rules.sort_unstable();
    rules.dedup();
    let rules =
        rules.iter().map(|rule| format!("<code>{}</code>", escape(rule))).collect::<Vec<_>>();
    (sentence, rules.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        let cases = [
            ("plain", "plain"),
            ("<b>&\"'", "&lt;b&gt;&amp;&quot;&#39;"),
            ("bell\u{7} escape\u{1b}[31m", "bell\u{fffd} escape\u{fffd}[31m"),
            ("two\r\nlines\tand tab", "two\nlines\tand tab"),
        ];
        for (input, expected) in cases {
            assert_eq!(escape(input), expected, "{input:?}");
        }
    }
}
