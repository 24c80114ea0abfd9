//! Sorting and sets for short lists, small in the WebAssembly build (README "Size").
//!
//! The standard library's sort (also behind `collect::<BTreeSet<_>>()`) is compiled again, a few
//! KB each time, for every element type it sorts. The engine's and the app's lists hold at most a
//! few dozen items, so a plain insertion sort does the same job in a few dozen bytes.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Sorts `v` with `compare`, stable (equal items keep their order): the same result as
/// `slice::sort_by`. Insertion sort, for short lists.
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && compare(&v[j - 1], &v[j]) == Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` by `key`, stable: the same result as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts and removes repeats: the same result as `sort()` then `dedup()`.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

/// The set of `items`: the same as `collect::<BTreeSet<_>>()`, without the sort.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random lists (xorshift), with many equal keys.
    fn lists() -> Vec<Vec<(u8, usize)>> {
        let mut x: u32 = 0x2545_f491;
        let mut out = vec![vec![], vec![(1, 0)]];
        for len in 2..60 {
            let list = (0..len)
                .map(|i| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    ((x % 7) as u8, i)
                })
                .collect();
            out.push(list);
        }
        out
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for list in lists() {
            let mut ours = list.clone();
            let mut std = list.clone();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "by key");
            let mut ours = list.clone();
            let mut std = list.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(ours, std, "by comparison");
            let mut ours: Vec<u8> = list.iter().map(|p| p.0).collect();
            let mut std = ours.clone();
            sort_dedup(&mut ours);
            std.sort();
            std.dedup();
            assert_eq!(ours, std, "sort + dedup");
            let set = set_of(list.iter().map(|p| p.0));
            assert_eq!(set, list.iter().map(|p| p.0).collect::<BTreeSet<_>>());
        }
    }
}
