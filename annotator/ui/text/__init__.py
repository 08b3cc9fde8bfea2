"""The article on screen: the text view and its painter, offsets, labelling and link keys."""
