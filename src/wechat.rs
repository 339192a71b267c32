//! WeChat JS-SDK share cards: inside WeChat, a page sent to a friend or to 朋友圈 arrives as a
//! card with a title, a line of text and a picture rather than a bare link. Only a deployment
//! with an Official Account and a signing endpoint can have them, so they are switched on in
//! index.html (docs/wechat.md). Switched off, or outside WeChat, nothing here loads. Every
//! failure goes to the console only: sharing from WeChat's ··· menu works without a card.

use std::cell::RefCell;
use std::time::Duration;

use gloo_net::http::Request;
use js_sys::{Array, Function, Object, Reflect};
use leptos::logging::warn;
use leptos::prelude::*;
use leptos::task::spawn_local;
use tuoyu_core::filter::find;
use tuoyu_core::language::Language;
use tuoyu_core::query::{FinderQuery, Page};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::data::{use_dataset, DataState};
use crate::guide_data::{use_guide, GuideState};
use crate::i18n::*;
use crate::platform::{in_wechat, load_script};
use crate::prefs::use_prefs;
use crate::route::use_address;

/// The switch, read at run time so a deployer turns it on without a build: a same-origin path
/// to the deployment's signing endpoint.
const SIGN_META: &str = "tuoyu:wechat-sign";
const IMAGE_META: &str = "tuoyu:wechat-share-image";
/// weixin-js-sdk from npm, copied by index.html. Relative like guide.json, so that it is found
/// next to index.html wherever the site is hosted.
const SDK: &str = "vendor/weixin/index.js";
const API: [&str; 2] = ["updateAppMessageShareData", "updateTimelineShareData"];
/// Filters change the address in quick runs; the card follows once they settle, so that
/// Android, which signs every address, does not ask the endpoint at each tap.
const SETTLE: Duration = Duration::from_millis(400);

#[derive(Clone)]
struct Card {
    title: String,
    desc: String,
}

#[derive(Default)]
struct State {
    /// The switch's endpoint and the card's picture.
    sign: String,
    image: Option<String>,
    wx: Option<JsValue>,
    card: Option<Card>,
    /// The page address of the latest `wx.config`, and whether its `ready` has come.
    signed: Option<String>,
    ready: bool,
    generation: u32,
    settle: Option<TimeoutHandle>,
}

thread_local! {
    static ENTRY_URL: RefCell<Option<String>> = const { RefCell::new(None) };
    static STATE: RefCell<State> = RefCell::default();
    static LOG_FAILURE: JsValue = Closure::<dyn Fn(JsValue)>::new(|detail: JsValue| {
        warn!("WeChat share card: {}", describe(&detail));
    })
    .into_js_value();
}

/// Called before anything can change the address: iOS WeChat checks the signature against the
/// address the page was first opened with, even after the app has moved on with pushState.
pub fn remember_entry_url() {
    ENTRY_URL.with(|e| *e.borrow_mut() = Some(page_url()));
}

/// Keeps the share card in step with the page, when switched on and inside WeChat.
pub fn share_cards() {
    let Some(sign) = meta(SIGN_META) else {
        return;
    };
    if !in_wechat() {
        return;
    }
    if !(sign.starts_with('/') && !sign.starts_with("//") && !sign.contains('\\')) {
        warn!("WeChat share card: {SIGN_META} must be a path on this site, not {sign:?}");
        return;
    }
    // WeChat wants the picture as a full address; a link element resolves it as a browser does.
    let image = meta(IMAGE_META).and_then(|src| {
        let link = web_sys::window()?.document()?.create_element("a").ok()?;
        link.set_attribute("href", &src).ok()?;
        Reflect::get(&link, &"href".into()).ok()?.as_string()
    });
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.sign = sign;
        s.image = image;
    });
    let address = use_address();
    let dataset = use_dataset();
    // An effect rather than a memo of the card: the card is cheap to redo, and a memo's
    // machinery for one more type would weigh on every parent's download.
    // The card follows a change of language too; it reads the choice itself rather than
    // lang::current(), which the shell may not have switched yet when this runs.
    let prefs = use_prefs();
    // The card describes the address WeChat shares, which follows a filter change a moment
    // after the list does (route.rs).
    Effect::new(move |_| {
        let locale = match prefs.interface_language() {
            Language::Chinese => Locale::zh,
            Language::English => Locale::en,
        };
        want(
            address
                .in_bar
                .with(|q| dataset.state.with(|d| card_for(q, d, locale))),
        )
    });

    spawn_local(async {
        match load_sdk().await {
            Some(wx) => {
                STATE.with(|s| s.borrow_mut().wx = Some(wx));
                flush();
            }
            None => warn!("WeChat share card: {SDK} did not load"),
        }
    });
}

/// What a friend sees of the page: an institution, an article, or the list with its count.
fn card_for(q: &FinderQuery, data: &DataState, locale: Locale) -> Card {
    let card = |title: &str, desc: &str| Card {
        title: title.to_owned(),
        desc: desc.to_owned(),
    };
    let loaded = match data {
        DataState::Ready(loaded) => Some(loaded),
        _ => None,
    };
    let institution = loaded.and_then(|l| {
        let id = q.id.as_deref()?;
        l.dataset.institutions.iter().find(|i| i.id == id)
    });
    if let Some(i) = institution {
        return card(&i.name, &i.address);
    }
    let l = locale;
    let guide = card(
        td_string!(l, app.share_guide_title),
        td_string!(l, app.share_guide_desc),
    );
    match (q.page, loaded) {
        (Page::Guide, _) => match q.article.as_deref() {
            // Only on the guide's own page, which has already asked for guide.json.
            Some(slug) => match use_guide().get() {
                GuideState::Ready(g) => g
                    .article(slug)
                    .map_or(guide, |a| card(&a.title, &a.summary)),
                _ => guide,
            },
            None => guide,
        },
        (Page::Baby, _) => card(
            td_string!(l, app.share_baby_title),
            td_string!(l, app.share_baby_desc),
        ),
        (Page::Finder, Some(l)) => Card {
            title: l.dataset.title.clone(),
            desc: td_string!(
                locale,
                app.share_found,
                n = find(&l.dataset, &q.filter, q.sort).len(),
                publisher = l.dataset.publisher.clone()
            )
            .to_string(),
        },
        (Page::Finder, None) => card(
            td_string!(l, app.app_name),
            td_string!(l, app.share_finder_desc),
        ),
    }
}

/// Notes the card the page wants and applies it once the address has settled.
fn want(card: Card) {
    let handle = set_timeout_with_handle(flush, SETTLE).ok();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.card = Some(card);
        if let Some(previous) = std::mem::replace(&mut s.settle, handle) {
            previous.clear();
        }
    });
}

/// Shows the wanted card: at once when the page's signature is ready, else after signing.
fn flush() {
    let sign_for = if on_ios() {
        ENTRY_URL
            .with(|e| e.borrow().clone())
            .unwrap_or_else(page_url)
    } else {
        page_url()
    };
    let (apply_now, signing) = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.wx.is_none() {
            return (false, None);
        }
        if s.signed.as_deref() == Some(sign_for.as_str()) {
            // Not yet ready: the `ready` of that signing applies the newest card.
            return (s.ready, None);
        }
        s.signed = Some(sign_for.clone());
        s.ready = false;
        s.generation += 1;
        (false, Some((s.sign.clone(), s.generation)))
    });
    if apply_now {
        apply();
    }
    if let Some((sign, generation)) = signing {
        spawn_local(async move { configure(&sign, &sign_for, generation).await });
    }
}

async fn configure(sign: &str, url: &str, generation: u32) {
    let config = match fetch_signature(sign, url).await {
        Ok(config) => config,
        Err(problem) => {
            warn!("WeChat share card: signing endpoint {sign}: {problem}");
            return;
        }
    };
    let Some(wx) = STATE.with(|s| {
        let s = s.borrow();
        (s.generation == generation).then(|| s.wx.clone()).flatten()
    }) else {
        return;
    };
    set(&config, "debug", &false.into());
    set(
        &config,
        "jsApiList",
        &API.iter()
            .map(|name| JsValue::from(*name))
            .collect::<Array>(),
    );
    call(&wx, "config", &config);
    let on_ready = Closure::once_into_js(move || {
        let current = STATE.with(|s| {
            let mut s = s.borrow_mut();
            let current = s.generation == generation;
            s.ready |= current;
            current
        });
        if current {
            apply();
        }
    });
    call(&wx, "ready", &on_ready);
    LOG_FAILURE.with(|log| call(&wx, "error", log));
}

/// The endpoint's `{appId, timestamp, nonceStr, signature}`, checked and copied into a fresh
/// object for `wx.config`. Read with the browser's JSON rather than serde, which would add its
/// weight to every parent's download for a feature most deployments leave off.
async fn fetch_signature(sign: &str, url: &str) -> Result<Object, String> {
    let response = Request::get(sign)
        .query([("url", url)])
        .send()
        .await
        .map_err(|_| "no answer".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().await.map_err(|_| "answer cut off")?;
    let answer = js_sys::JSON::parse(&text).map_err(|_| "answer is not JSON")?;
    let config = Object::new();
    for key in ["appId", "timestamp", "nonceStr", "signature"] {
        let value = Reflect::get(&answer, &key.into()).unwrap_or_default();
        // Endpoints differ on whether the timestamp is a number or a string; wx takes either.
        let fits = value.as_string().is_some_and(|s| !s.is_empty())
            || (key == "timestamp" && value.as_f64().is_some());
        if !fits {
            return Err(format!("answer has no usable {key}"));
        }
        set(&config, key, &value);
    }
    Ok(config)
}

/// Hands the newest card to both share targets (朋友圈 shows the title only).
fn apply() {
    let Some((wx, card, image)) = STATE.with(|s| {
        let s = s.borrow();
        Some((s.wx.clone()?, s.card.clone()?, s.image.clone()))
    }) else {
        return;
    };
    // The data's words go in as JS strings; WeChat draws them as text.
    let link = JsValue::from(page_url());
    let image = JsValue::from(image.unwrap_or_default());
    for (api, desc) in [(API[0], Some(&card.desc)), (API[1], None)] {
        let data = Object::new();
        set(&data, "title", &card.title.as_str().into());
        if let Some(desc) = desc {
            set(&data, "desc", &desc.as_str().into());
        }
        set(&data, "link", &link);
        set(&data, "imgUrl", &image);
        LOG_FAILURE.with(|log| set(&data, "fail", log));
        call(&wx, api, &data);
    }
}

/// weixin-js-sdk is the official jweixin re-wrapped for bundlers: its only export is
/// `module.exports = …`, and it sets no `window.wx`. A `module` lent to it while it runs lets
/// the vendored file stay byte for byte what npm ships; builds that do set `wx` work too.
async fn load_sdk() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    let module = Object::new();
    set(&module, "exports", &JsValue::UNDEFINED);
    let lend = !Reflect::has(&window, &"module".into()).unwrap_or(true);
    if lend {
        set(&window, "module", &module);
    }
    let loaded = load_script(SDK).await;
    if lend {
        let _ = Reflect::delete_property(window.unchecked_ref::<Object>(), &"module".into());
    }
    loaded.ok()?;
    [
        Reflect::get(&module, &"exports".into()),
        Reflect::get(&window, &"wx".into()),
    ]
    .into_iter()
    .flatten()
    .find(|wx| Reflect::get(wx, &"config".into()).is_ok_and(|f| f.is_function()))
}

fn call(wx: &JsValue, name: &str, argument: &JsValue) {
    let function = Reflect::get(wx, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let outcome = match function {
        Some(function) => function.call1(wx, argument).map(|_| ()),
        None => Err(JsValue::from("not a function")),
    };
    if let Err(e) = outcome {
        warn!("WeChat share card: wx.{name}: {}", describe(&e));
    }
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &key.into(), value);
}

fn describe(value: &JsValue) -> String {
    if let Some(error) = value.dyn_ref::<js_sys::Error>() {
        return String::from(error.message());
    }
    value
        .as_string()
        .or_else(|| js_sys::JSON::stringify(value).ok()?.as_string())
        .unwrap_or_default()
}

fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let element = document
        .query_selector(&format!("meta[name=\"{name}\"]"))
        .ok()??;
    let content = element.get_attribute("content")?.trim().to_owned();
    (!content.is_empty()).then_some(content)
}

/// The address as WeChat signs it: everything before `#`.
fn page_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((url, _)) => url.to_owned(),
        None => href,
    }
}

fn on_ios() -> bool {
    web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .is_some_and(|ua| ua.contains("iPhone") || ua.contains("iPad"))
}
