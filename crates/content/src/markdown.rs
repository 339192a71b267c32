//! The Markdown subset of content/README.md, turned into the core's blocks.
//!
//! Everything outside the subset is refused rather than dropped: an author who wrote a
//! table or a link to another site should learn at build time that parents won't see it.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};
use tuoyu_core::guide::{Block, Inline};

/// A link into the app, with the line it is on, for the checks that need every article.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkAt {
    pub href: String,
    pub line: usize,
}

#[derive(Debug, Default)]
pub struct Body {
    pub blocks: Vec<Block>,
    pub links: Vec<LinkAt>,
    /// Line and message for each thing outside the subset.
    pub problems: Vec<(usize, String)>,
}

struct OpenList {
    ordered: bool,
    items: Vec<Vec<Inline>>,
    /// Decided by the first item; a list may not mix checklist and plain items.
    checklist: Option<bool>,
    item_is_task: bool,
}

#[derive(Default)]
struct Converter {
    body: Body,
    inlines: Vec<Inline>,
    strong: Option<String>,
    link: Option<(String, String)>,
    heading: Option<u8>,
    list: Option<OpenList>,
}

/// Reads an article's body; `first_line` is the file's line number of the body's first line.
pub fn parse_body(body: &str, first_line: usize) -> Body {
    // Tables, task lists and strikethrough are switched on only so that they are recognised
    // (and refused, except task lists) instead of passing through as odd-looking text.
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    let mut converter = Converter::default();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        let line = first_line + body[..range.start].matches('\n').count();
        converter.event(event, line);
    }
    converter.body
}

impl Converter {
    fn refuse(&mut self, line: usize, message: impl Into<String>) {
        self.body.problems.push((line, message.into()));
    }

    fn event(&mut self, event: Event<'_>, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, line),
            Event::Text(text) => {
                if text.contains("://") {
                    self.refuse(line, format!("an address of another site in the text: “{text}” (only links into the app are allowed)"));
                }
                self.push_text(&text);
            }
            Event::SoftBreak | Event::HardBreak => {
                // Chinese lines join without a space; Latin words need one.
                let last = self.current_text_end();
                if last.is_some_and(|c| c.is_ascii_alphanumeric()) {
                    self.push_text(" ");
                }
            }
            Event::TaskListMarker(checked) => {
                if checked {
                    self.refuse(
                        line,
                        "a checklist item is ticked ([x]); write “- [ ]”, the parent ticks it",
                    );
                }
                if let Some(list) = &mut self.list {
                    list.item_is_task = true;
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                self.refuse(line, format!("raw HTML is not allowed: “{}”", html.trim()));
            }
            Event::Code(code) => self.refuse(line, format!("code (`{code}`) is not allowed")),
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.refuse(line, "math is not allowed")
            }
            Event::FootnoteReference(_) => self.refuse(line, "footnotes are not allowed"),
            Event::Rule => self.refuse(line, "horizontal rules (---) are not allowed"),
        }
    }

    fn start(&mut self, tag: Tag<'_>, line: usize) {
        match tag {
            Tag::Paragraph => {
                if self.list.is_none() {
                    self.inlines.clear();
                }
            }
            Tag::Heading { level, .. } => match level {
                HeadingLevel::H2 => self.heading = Some(2),
                HeadingLevel::H3 => self.heading = Some(3),
                other => self.refuse(
                    line,
                    format!("only ## and ### headings are allowed, not {other}"),
                ),
            },
            Tag::List(start) => {
                if self.list.is_some() {
                    self.refuse(line, "nested lists are not allowed");
                    return;
                }
                self.list = Some(OpenList {
                    ordered: start.is_some(),
                    items: Vec::new(),
                    checklist: None,
                    item_is_task: false,
                });
            }
            Tag::Item => {
                self.inlines.clear();
                if let Some(list) = &mut self.list {
                    list.item_is_task = false;
                }
            }
            Tag::Strong => {
                if self.strong.is_some() || self.link.is_some() {
                    self.refuse(line, "bold inside bold or inside a link is not allowed");
                }
                self.strong = Some(String::new());
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let internal = matches!(link_type, LinkType::Inline) && dest_url.starts_with('?');
                if !internal {
                    self.refuse(line, format!("external link to “{dest_url}”: only links into the app, like (?page=guide&article=slug) or (?age=18), are allowed"));
                }
                if self.strong.is_some() || self.link.is_some() || self.heading.is_some() {
                    self.refuse(
                        line,
                        "a link inside bold, another link or a heading is not allowed",
                    );
                }
                self.body.links.push(LinkAt {
                    href: dest_url.to_string(),
                    line,
                });
                self.link = Some((dest_url.to_string(), String::new()));
            }
            Tag::Image { .. } => self.refuse(line, "images are not allowed"),
            Tag::Table(_) => self.refuse(line, "tables are not allowed"),
            Tag::CodeBlock(_) => self.refuse(line, "code blocks are not allowed"),
            Tag::HtmlBlock => {} // its Html events are refused one by one
            Tag::BlockQuote(_) => self.refuse(line, "block quotes (>) are not allowed"),
            Tag::Emphasis => self.refuse(line, "*emphasis* is not allowed; use **bold**"),
            Tag::Strikethrough => self.refuse(line, "~~strikethrough~~ is not allowed"),
            Tag::TableHead | Tag::TableRow | Tag::TableCell => {}
            other => self.refuse(line, format!("{other:?} is not allowed")),
        }
    }

    fn end(&mut self, tag: TagEnd, line: usize) {
        match tag {
            // Inside a list item, a paragraph's text belongs to the item.
            TagEnd::Paragraph if self.list.is_none() && !self.inlines.is_empty() => {
                let inlines = std::mem::take(&mut self.inlines);
                self.body.blocks.push(Block::Paragraph(inlines));
            }
            TagEnd::Heading(_) => {
                let text: String = self
                    .inlines
                    .drain(..)
                    .map(|i| i.text().to_owned())
                    .collect();
                if let Some(level) = self.heading.take() {
                    self.body.blocks.push(Block::Heading {
                        level,
                        text: text.trim().to_owned(),
                    });
                }
            }
            TagEnd::Item => {
                let item = std::mem::take(&mut self.inlines);
                let Some(list) = &mut self.list else { return };
                match list.checklist {
                    None => list.checklist = Some(list.item_is_task),
                    Some(checklist) if checklist != list.item_is_task => {
                        self.refuse(line, "a list mixes checklist items (- [ ]) and plain items");
                        return;
                    }
                    Some(_) => {}
                }
                list.items.push(item);
            }
            TagEnd::List(_) => {
                let Some(list) = self.list.take() else { return };
                self.body.blocks.push(if list.checklist == Some(true) {
                    Block::Checklist(list.items)
                } else {
                    Block::List {
                        ordered: list.ordered,
                        items: list.items,
                    }
                });
            }
            TagEnd::Strong => {
                if let Some(text) = self.strong.take() {
                    self.inlines.push(Inline::Strong(text));
                }
            }
            TagEnd::Link => {
                if let Some((href, text)) = self.link.take() {
                    self.inlines.push(Inline::Link { text, href });
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some((_, link_text)) = &mut self.link {
            link_text.push_str(text);
        } else if let Some(strong) = &mut self.strong {
            strong.push_str(text);
        } else if let Some(Inline::Text(last)) = self.inlines.last_mut() {
            last.push_str(text);
        } else {
            self.inlines.push(Inline::Text(text.to_owned()));
        }
    }

    fn current_text_end(&self) -> Option<char> {
        if let Some((_, text)) = &self.link {
            return text.chars().last();
        }
        if let Some(text) = &self.strong {
            return text.chars().last();
        }
        self.inlines.last().and_then(|i| i.text().chars().last())
    }
}
