// Package assets holds the data sesame embeds in its binary.
package assets
