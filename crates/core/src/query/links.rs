//! The app's links and the address's own edits, made from the address the parent is on: what
//! each link keeps of it is a rule of the address, so it lives here once and every view asks.

use super::{FinderQuery, Page};
use crate::filter::Sort;
use crate::model::Date;

impl FinderQuery {
    /// One institution's own page, as copied or shared: the dataset, the district its file
    /// covers when it came from a catalogue (`region=`, so the link fetches one file) and the
    /// id, nothing of the parent's filters, place or child. Every view links an institution
    /// with this.
    pub fn institution_link(&self, id: &str, district: Option<&str>) -> FinderQuery {
        FinderQuery {
            data: self.data.clone(),
            region: district.map(str::to_owned),
            id: Some(id.to_owned()),
            ..FinderQuery::default()
        }
    }

    /// A comparison as sent to family: the dataset and the places compared, nothing of the
    /// parent's filters, place or child. No `region=`: the places may lie in several districts,
    /// which the app finds from their ids (`catalogue::district_of_id`).
    pub fn comparison_link(&self) -> FinderQuery {
        FinderQuery {
            data: self.data.clone(),
            compare: self.compare.clone(),
            ..FinderQuery::default()
        }
    }

    /// The same address with `id` open over the list: what a tap on an institution opens, so
    /// that "back" finds the list as it was.
    pub fn opening(&self, id: &str) -> FinderQuery {
        FinderQuery {
            id: Some(id.to_owned()),
            notes: Vec::new(),
            ..self.clone()
        }
    }

    /// Another part of the app (the header's tabs): the finder's filters, the child's birth
    /// date and the comparison stay, so coming back finds the same list; no institution or
    /// article is open there.
    pub fn page_link(&self, page: Page) -> FinderQuery {
        FinderQuery {
            page,
            article: None,
            id: None,
            notes: Vec::new(),
            ..self.clone()
        }
    }

    /// The guide's index (`None`) or one of its articles, keeping what [`Self::page_link`]
    /// keeps.
    pub fn guide_link(&self, article: Option<&str>) -> FinderQuery {
        FinderQuery {
            article: article.map(str::to_owned),
            ..self.page_link(Page::Guide)
        }
    }

    /// The finder for a child of `months`: the parent's other filters stay, the birth date
    /// (which the finder does not use) does not.
    pub fn finder_for_age(&self, months: u8) -> FinderQuery {
        let mut next = FinderQuery {
            born: None,
            ..self.page_link(Page::Finder)
        };
        next.filter.age = Some(months);
        next
    }

    /// A child's plan to send to family: the birth date and the dataset only, since the
    /// parent's filters may say where they live.
    pub fn plan_link(&self, born: Date) -> FinderQuery {
        FinderQuery {
            page: Page::Baby,
            born: Some(born),
            data: self.data.clone(),
            ..FinderQuery::default()
        }
    }

    /// A link from an article: it reads the dataset the parent is using unless it names one.
    pub fn on_same_data(mut self, current: &FinderQuery) -> FinderQuery {
        self.notes.clear();
        if self.data.is_none() {
            self.data = current.data.clone();
        }
        self
    }

    /// Whether any filter narrows the list, so that "clear the filters" has something to do.
    pub fn has_filters(&self) -> bool {
        !self.filter.is_empty()
    }

    /// "Clear the filters": every filter and the sort go; the parent's place stays, since it
    /// is where they are, not a choice of what to see.
    pub fn clear_filters(&mut self) {
        let near = self.filter.near;
        self.filter = Default::default();
        self.filter.near = near;
        self.sort = Sort::Default;
    }

    /// "Forget my location": the place (the parent's own or a link's), the radius that
    /// depends on it and a sort by distance.
    pub fn forget_location(&mut self) {
        self.filter.near = None;
        self.filter.radius_m = None;
        self.own_place = false;
        if self.sort == Sort::Distance {
            self.sort = Sort::Default;
        }
    }

    /// A catalogue's region picked (the picker, "widen to the city"): the list's filters
    /// stay; no institution is open there.
    pub fn in_region(&self, code: &str) -> FinderQuery {
        FinderQuery {
            region: Some(code.to_owned()),
            id: None,
            notes: Vec::new(),
            ..self.clone()
        }
    }

    /// Back to a catalogue's region picker: no region, and no place, which would choose the
    /// districts by itself.
    pub fn choose_region(&mut self) {
        self.region = None;
        self.forget_location();
    }

    /// A place alone (its own district shown) widened to [`WIDEN_RADIUS_M`] around it,
    /// across district borders.
    pub fn widen_nearby(&mut self) {
        if self.filter.near.is_some() {
            self.filter.radius_m = Some(WIDEN_RADIUS_M);
        }
    }
}

/// "Nearby" when a place alone shows only its own district: a short drive or a long walk.
pub const WIDEN_RADIUS_M: u32 = 3000;
